package dev.refinery.backlog;

import java.util.List;

/** The items that follow up on an item, and those it was split into. */
public record Related(List<Line> followUps, List<Line> splits) {

    public record Line(ItemKey key, String title, Status status) {
    }

    public boolean any() {
        return !followUps.isEmpty() || !splits.isEmpty();
    }
}
