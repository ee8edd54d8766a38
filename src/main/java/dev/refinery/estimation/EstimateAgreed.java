package dev.refinery.estimation;

import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemKey;

/** The team agreed on an item's estimate in a round; it has been written to the item. */
public record EstimateAgreed(long team, ItemKey item, long round, Estimate estimate) {
}
