package dev.refinery.backlog;

/** An item was created ({@code created}) or changed; published inside the transaction that saved it. */
public record BacklogItemSaved(long team, ItemKey key, boolean created) {

    public BacklogItemSaved(long team, ItemKey key) {
        this(team, key, false);
    }
}
