package dev.refinery.backlog;

import java.util.Optional;

import dev.refinery.shared.Coded;

/** The parts of the item page that are edited in place, each with its own small form. */
public enum ItemSection implements Coded {
    TITLE("title", "Title"),
    DESCRIPTION("description", "Description"),
    TECHNICAL_NOTES("technical-notes", "Technical notes"),
    ACCEPTANCE_CRITERIA("acceptance-criteria", "Acceptance criteria"),
    ESTIMATE("estimate", "Estimate"),
    IMPORTANCE("importance", "Importance"),
    DEADLINE("deadline", "Deadline"),
    DETAILS("details", "Status, actual effort, workstream and labels"),
    CUSTOM_FIELDS("custom-fields", "More fields");

    private final String code;
    private final String heading;

    ItemSection(String code, String heading) {
        this.code = code;
        this.heading = heading;
    }

    @Override
    public String code() {
        return code;
    }

    public String heading() {
        return heading;
    }

    public static Optional<ItemSection> of(String code) {
        return Coded.of(values(), code);
    }
}
