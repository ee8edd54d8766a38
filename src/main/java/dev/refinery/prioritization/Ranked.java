package dev.refinery.prioritization;

import dev.refinery.backlog.ItemSummary;

/** An item with its score, and the pin that placed it, if any. */
public record Ranked(ItemSummary item, Score score, Pin pin) {

    Ranked pinned(Pin pin) {
        return new Ranked(item, score, pin);
    }
}
