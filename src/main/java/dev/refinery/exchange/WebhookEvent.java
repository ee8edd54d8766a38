package dev.refinery.exchange;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

/** What a webhook can be told about; its code is the payload's {@code type}. */
public enum WebhookEvent implements Coded {
    ESTIMATE_AGREED("estimate.agreed", "An estimate was agreed in planning poker"),
    ITEM_CREATED("item.created", "An item was created"),
    ITEM_UPDATED("item.updated", "An item was changed"),
    SESSION_CLOSED("session.closed", "A refinement session was closed"),
    QUEUE_CHANGED("queue.changed", "The queue was reordered (a pin, the scoring model)");

    /** The type of a test event, sent on demand to any hook whatever it subscribed to. */
    public static final String TEST = "webhook.test";

    private final String code;
    private final String label;

    WebhookEvent(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<WebhookEvent> of(String code) {
        return Coded.of(values(), code);
    }
}
