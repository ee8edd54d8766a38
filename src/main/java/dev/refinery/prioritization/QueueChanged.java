package dev.refinery.prioritization;

/**
 * A team's queue was reordered by hand or by its rule: an item pinned or unpinned, or the scoring model chosen;
 * published inside the transaction that changed it. {@code change} is {@code pinned}, {@code unpinned} or
 * {@code scoring-model}. Edits of items move the queue too, but are told by the backlog's own events.
 */
public record QueueChanged(long team, String teamKey, String change, String item) {
}
