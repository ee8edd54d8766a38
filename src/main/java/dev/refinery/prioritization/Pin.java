package dev.refinery.prioritization;

import java.time.Instant;

import dev.refinery.backlog.ItemKey;

/** An item held above or below another, whatever their scores; the newest pin wins where pins disagree. */
public record Pin(ItemKey item, ItemKey anchor, Placement placement, Instant at) {

    public enum Placement {
        ABOVE, BELOW
    }
}
