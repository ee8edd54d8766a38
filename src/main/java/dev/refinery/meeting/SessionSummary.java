package dev.refinery.meeting;

import java.math.BigDecimal;
import java.util.List;

import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.Related;
import dev.refinery.backlog.Risk;

/**
 * What the product manager takes away from a closed session: the context, who came, per item its outcome,
 * final estimate, vote spread, risks, questions and answers, follow-ups, how it moved in the queue, and the
 * totals in points and days.
 */
public record SessionSummary(RefinementSession session, List<String> attendees, List<Line> items, BigDecimal points,
        BigDecimal days, BigDecimal totalDays, List<String> carriedOver) {

    public record Line(String key, String title, Outcome outcome, String outcomeNote, Estimate estimate, Integer spread,
            List<Risk> risks, List<Question> questions, Related related, Integer queueBefore, Integer queueAfter) {

        public String moved() {
            if (queueBefore == null || queueAfter == null) {
                return "";
            }
            return queueBefore.equals(queueAfter) ? "#" + queueAfter : "#" + queueBefore + " → #" + queueAfter;
        }
    }
}
