package dev.refinery.exchange;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A team's outgoing webhook: where it posts, the secret it signs with, the events it wants. A hook is active, or off
 * (by a facilitator, or paused after a day of failed deliveries, with the reason).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Webhook(long id, String url, String secret, List<WebhookEvent> events, boolean active, String pausedReason,
        Instant failingSince, Instant createdAt, int version) {

    public Webhook {
        events = List.copyOf(events);
    }

    /** In words: on, paused (after a day of failures) or off. */
    public String state() {
        return active ? "on" : pausedReason != null ? "paused" : "off";
    }

    public boolean wants(WebhookEvent event) {
        return events.contains(event);
    }
}
