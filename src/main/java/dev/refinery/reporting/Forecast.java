package dev.refinery.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemKey;

/**
 * The forecast of a team's queue: for each item in queue order the last day of the iteration by which it is done
 * with 50, 85 and 95 % likelihood (null beyond the horizon), and for items with a deadline the likelihood of
 * making it. With {@code tooLittleData} there are no lines.
 */
public record Forecast(String team, Unit unit, int capacity, long seed, int runs, int history, boolean tooLittleData,
        String movedToTop, List<Line> lines) {

    /** At or above this likelihood a deadline is not at risk. */
    public static final int SAFE_PERCENT = 85;

    public enum Unit {
        POINTS, ITEMS;

        public String label() {
            return this == POINTS ? "points" : "items";
        }
    }

    public Forecast {
        lines = List.copyOf(lines);
    }

    public record Line(int position, ItemKey key, String title, Estimate estimate, BigDecimal size, LocalDate p50,
            LocalDate p85, LocalDate p95, LocalDate deadline, Integer likelihood) {

        public boolean atRisk() {
            return likelihood != null && likelihood < SAFE_PERCENT;
        }

        /** The badge, as "62 % by 1 Mar". */
        public String badge() {
            return likelihood + " % by " + deadline.format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
        }
    }

    public List<Line> atRisk() {
        return lines.stream().filter(Line::atRisk).toList();
    }
}
