package dev.refinery.exchange;

import java.util.List;

import dev.refinery.backlog.ImportedItem;

/** What a reader made of a file: the items it could read and, by row, what it could not. */
public record Reading(List<ImportedItem> items, List<RowError> errors) {

    public Reading {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
    }

    /** A row of the file that cannot become an item, and why, in words for the person who made the file. */
    public record RowError(int row, String reason) {
    }
}
