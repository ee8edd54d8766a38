package dev.refinery.backlog;

/** Items were imported into a team at once, from a file or a backup; published inside the transaction that saved them. */
public record BacklogItemsImported(long team, int count) {
}
