package dev.refinery.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a team delivered in each of its last completed iterations: items, points, and days (days estimates plus
 * points at the team's days per point); the mean and standard deviation of the points.
 */
public record Velocity(String team, Iterations iterations, List<Line> lines, double meanPoints, double spreadPoints,
        boolean enoughData) {

    public Velocity {
        lines = List.copyOf(lines);
    }

    public record Line(int iteration, LocalDate start, LocalDate end, int items, BigDecimal points, BigDecimal days) {
    }

    public double maxPoints() {
        return lines.stream().mapToDouble(line -> line.points().doubleValue()).max().orElse(0);
    }
}
