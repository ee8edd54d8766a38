package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemKey;
import dev.refinery.backlog.ReadinessCheck;
import dev.refinery.backlog.Status;

/** One line of the queue as the page and the API show it. */
public record QueueEntry(int position, ItemKey key, String title, BigDecimal score, List<Term> terms, String explanation,
        Band band, boolean pinned, List<String> missing, Status status, Estimate estimate, LocalDate deadline,
        boolean overdue, String workstream, ReadinessCheck readiness, int risks) {

    public String displayScore() {
        return score == null ? "–" : Scorer.display(score);
    }
}
