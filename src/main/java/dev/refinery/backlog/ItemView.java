package dev.refinery.backlog;

/** An item as the item page, the backlog list and the API show it: with its readiness. */
public record ItemView(BacklogItem item, ReadinessCheck readiness) {

    public ItemKey key() {
        return item.key();
    }

    public ItemContent content() {
        return item.content();
    }
}
