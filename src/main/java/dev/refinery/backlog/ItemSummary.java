package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** What ranking needs of an item, read for a whole team at once. */
public record ItemSummary(BacklogItemId id, ItemKey key, String title, Status status, Estimate estimate,
        Map<String, BigDecimal> importance, LocalDate deadline, String workstream) {

    public ItemSummary {
        importance = Map.copyOf(importance);
    }
}
