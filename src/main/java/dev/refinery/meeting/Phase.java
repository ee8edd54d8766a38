package dev.refinery.meeting;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

/** The steps of one item in the meeting: the walk-through, questions (after a silent pause), estimate, outcome. */
public enum Phase implements Coded {
    WALK_THROUGH("walk-through", "Walk-through"), QUESTIONS("questions", "Questions"), ESTIMATE("estimate", "Estimate"),
    OUTCOME("outcome", "Outcome");

    private final String code;
    private final String label;

    Phase(String code, String label) {
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

    public static Optional<Phase> of(String code) {
        return Coded.of(values(), code);
    }
}
