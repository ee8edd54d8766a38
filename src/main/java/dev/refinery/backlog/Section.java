package dev.refinery.backlog;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;
import io.swagger.v3.oas.annotations.media.Schema;

/** A section of the template that a team's Definition of Ready can require to be filled. */
// A schema of its own: an array of an inline enum makes the generated Java client fail to compile.
@Schema(enumAsRef = true)
public enum Section implements Coded {
    DESCRIPTION("description", "description"),
    TECHNICAL_NOTES("technicalNotes", "technical notes"),
    ACCEPTANCE_CRITERIA("acceptanceCriteria", "acceptance criteria"),
    ESTIMATE("estimate", "estimate"),
    IMPORTANCE("importance", "importance"),
    DEADLINE("deadline", "deadline"),
    WORKSTREAM("workstream", "workstream"),
    LABELS("labels", "labels");

    private final String code;
    private final String label;

    Section(String code, String label) {
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

    public static Optional<Section> of(String code) {
        return Coded.of(values(), code);
    }
}
