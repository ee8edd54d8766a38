package dev.refinery.backlog;

/** An item was created or changed; published inside the transaction that saved it. */
public record BacklogItemSaved(long team, ItemKey key) {
}
