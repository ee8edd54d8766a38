package dev.refinery.prioritization;

import java.util.List;

/** A page of a team's queue, with the model that ranked it. */
public record QueuePage(ScoringModel model, List<QueueEntry> entries, int total, int page, int pages) {
}
