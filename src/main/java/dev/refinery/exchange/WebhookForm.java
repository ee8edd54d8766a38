package dev.refinery.exchange;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A webhook as a facilitator writes it; {@code version} is the one read, required for a change. */
public record WebhookForm(
        @Schema(description = "http(s) URL that receives the events", example = "https://example.com/hooks/refinery") String url,
        @Schema(description = "Events wanted, at least one", example = "[\"estimate.agreed\", \"session.closed\"]") List<String> events,
        @Schema(description = "Whether events are sent; turning a paused hook on again resumes it", defaultValue = "true") Boolean active,
        @Schema(description = "The version read, for a change; ignored on creation") Integer version) {

    public WebhookForm {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
