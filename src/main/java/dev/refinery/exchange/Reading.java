package dev.refinery.exchange;

import java.util.List;

import dev.refinery.backlog.ImportedItem;

/**
 * What a reader made of a file: the items it could read, by row what it could not, the workstreams it names
 * even when no item is in them (a Jira export's epics), and what it changed on the way that the person should
 * hear about ("3 epics became workstreams, not items").
 */
public record Reading(List<ImportedItem> items, List<RowError> errors, List<String> workstreams, List<String> notes) {

    public Reading {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
        workstreams = List.copyOf(workstreams);
        notes = List.copyOf(notes);
    }

    public Reading(List<ImportedItem> items, List<RowError> errors) {
        this(items, errors, List.of(), List.of());
    }

    /** A row of the file that cannot become an item, and why, in words for the person who made the file. */
    public record RowError(int row, String reason) {
    }
}
