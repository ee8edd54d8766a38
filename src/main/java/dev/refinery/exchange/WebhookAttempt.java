package dev.refinery.exchange;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One delivery attempt as the log shows it: when, the event, the receiver's status code (none when it did not answer),
 * how long it took, the first 2 KB of its answer, or why there was no answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookAttempt(long id, long message, String messageId, String event, Instant at, Integer status,
        int durationMillis, String answer, String error, String messageStatus) {

    public boolean delivered() {
        return status != null && status >= 200 && status < 300;
    }

    /** What the log shows in its status column, in words as well as numbers. */
    public String outcome() {
        if (status == null) {
            return "No answer";
        }
        return (delivered() ? "Delivered" : "Failed") + " (HTTP " + status + ")";
    }
}
