package dev.refinery.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The spread of some values as a box plot: quartiles by linear interpolation between the sorted values (as
 * spreadsheets' QUARTILE.INC), whiskers to the furthest values within 1.5 times the box's height, and the values
 * beyond them as outliers.
 */
public record BoxPlot(int count, double min, double lowerQuartile, double median, double upperQuartile, double max,
        double lowWhisker, double highWhisker, List<Double> outliers) {

    public BoxPlot {
        outliers = List.copyOf(outliers);
    }

    static BoxPlot of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("A box plot needs values.");
        }
        var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        var q1 = quantile(sorted, 0.25);
        var q3 = quantile(sorted, 0.75);
        var reach = 1.5 * (q3 - q1);
        double low = q1;
        double high = q3;
        var outliers = new java.util.ArrayList<Double>();
        for (var value : sorted) {
            if (value < q1 - reach || value > q3 + reach) {
                outliers.add(value);
            }
            else {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        return new BoxPlot(sorted.length, sorted[0], q1, quantile(sorted, 0.5), q3, sorted[sorted.length - 1], low, high,
                outliers);
    }

    static double quantile(double[] sorted, double p) {
        var position = p * (sorted.length - 1);
        var below = (int) Math.floor(position);
        var above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** A value as the pages and CSV show it: at most two decimals. */
    public static String show(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
