package dev.refinery.backlog;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

/** Where an item is in its life. {@code ready} is allowed only when the Definition of Ready is met. */
public enum Status implements Coded {
    DRAFT("draft", "Draft"),
    NEEDS_REFINEMENT("needs-refinement", "Needs refinement"),
    READY("ready", "Ready"),
    PLANNED("planned", "Planned"),
    DONE("done", "Done"),
    REMOVED("removed", "Removed");

    private final String code;
    private final String label;

    Status(String code, String label) {
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

    public static Optional<Status> of(String code) {
        return Coded.of(values(), code);
    }
}
