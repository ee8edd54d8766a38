package dev.refinery.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.refinery.backlog.ItemKey;

/**
 * Estimate against actual effort: for each estimate, the spread of the actual days of the items done with it; the
 * items that took more than twice the typical (the median) for their estimate; and per iteration the mean ratio of
 * actual to estimated days (points at the team's days per point).
 */
public record Accuracy(String team, List<Group> groups, List<Overrun> overruns, List<Trend> trend, int measured) {

    public Accuracy {
        groups = List.copyOf(groups);
        overruns = List.copyOf(overruns);
        trend = List.copyOf(trend);
    }

    public record Group(String estimate, BoxPlot plot) {
    }

    public record Overrun(ItemKey key, String title, String estimate, BigDecimal actualDays, double typicalDays) {
    }

    public record Trend(int iteration, LocalDate start, int items, double ratio) {
    }

    public double maxDays() {
        return groups.stream().mapToDouble(group -> group.plot().max()).max().orElse(0);
    }

    public double maxRatio() {
        return trend.stream().mapToDouble(Trend::ratio).max().orElse(0);
    }
}
