package dev.refinery.meeting;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

/**
 * How an item left the meeting. "Needs design" is for an item that turned into a design discussion: a
 * refinement meeting is not a design meeting, so it leaves with a follow-up for a design proposal.
 */
public enum Outcome implements Coded {
    ESTIMATED("estimated", "Estimated"), DEFERRED("deferred", "Deferred"), SPLIT("split", "Split"),
    REMOVED("removed", "Removed"), SKIPPED("skipped", "Skipped"), NEEDS_DESIGN("needs-design", "Needs design");

    private final String code;
    private final String label;

    Outcome(String code, String label) {
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

    public static Optional<Outcome> of(String code) {
        return Coded.of(values(), code);
    }
}
