package dev.refinery.exchange;

import java.util.List;

import dev.refinery.backlog.Status;

/**
 * How a Jira or GitHub file is read, for its preview: which of its columns (or JSON fields) fill which field of
 * an item, which are passed over, and the statuses it names without a status category, with where their words
 * put them.
 */
public record FileLayout(List<FieldUse> read, List<String> ignored, List<StatusName> statuses) {

    public FileLayout {
        read = List.copyOf(read);
        ignored = List.copyOf(ignored);
        statuses = List.copyOf(statuses);
    }

    /** A column of the file and what it becomes. */
    public record FieldUse(String source, String field) {
    }

    /** A status of the file without a category, and the status its words give when the person chooses nothing. */
    public record StatusName(String name, Status byWords) {
    }
}
