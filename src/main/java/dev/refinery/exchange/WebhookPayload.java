package dev.refinery.exchange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON body every webhook receives, as Standard Webhooks suggests: the event's type, when it happened, and what it
 * is about. It names the team, item or session; the API tells the rest.
 */
@Schema(description = "The body of a webhook POST, signed with the headers webhook-id, webhook-timestamp and webhook-signature")
public record WebhookPayload(
        @Schema(description = "estimate.agreed, item.created, item.updated, session.closed, queue.changed or webhook.test",
                example = "estimate.agreed") String type,
        @Schema(description = "When the event happened, RFC 3339 in UTC") Instant timestamp,
        @Schema(description = "What the event is about; the fields depend on its type") Map<String, Object> data) {

    /** An event a hook may want, with an example of what it receives. */
    public record Kind(String type, String description, WebhookPayload example) {
    }

    static final Instant EXAMPLE_TIME = Instant.parse("2026-12-04T09:30:00Z");

    static List<Kind> kinds() {
        return java.util.Arrays.stream(WebhookEvent.values())
            .map(event -> new Kind(event.code(), event.label(), new WebhookPayload(event.code(), EXAMPLE_TIME, example(event))))
            .toList();
    }

    private static Map<String, Object> example(WebhookEvent event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("team", "PAY");
        switch (event) {
            case ESTIMATE_AGREED -> {
                data.put("item", "PAY-17");
                data.put("round", 42);
                data.put("estimate", Map.of("value", 5, "unit", "points"));
            }
            case ITEM_CREATED, ITEM_UPDATED -> data.put("item", "PAY-17");
            case SESSION_CLOSED -> {
                data.put("session", 7);
                data.put("title", "Checkout refinement");
                data.put("carriedOverTo", 8);
            }
            case QUEUE_CHANGED -> {
                data.put("change", "pinned");
                data.put("item", "PAY-17");
            }
        }
        return data;
    }
}
