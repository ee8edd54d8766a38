package dev.refinery.backlog;

/** A team's backlog was restored from a backup, all its items at once; published inside the transaction. */
public record BacklogRestored(long team, String teamKey, int items) {
}
