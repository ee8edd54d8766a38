package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.refinery.backlog.ItemKey;

/**
 * The value/effort matrix: each estimated item a dot, effort (days) across and value up, split at the
 * middle of each axis into quick wins, big bets, fill-ins and money pits. Drawn as SVG on the server.
 */
public record Matrix(List<Dot> dots, int unplaced, String valueLabel, BigDecimal maxEffort, BigDecimal maxValue) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 440;
    public static final int MARGIN = 48;

    public record Dot(ItemKey key, String title, BigDecimal effort, BigDecimal value, int x, int y, String quadrant) {
    }

    static Matrix of(List<Ranked> queue, ScoringModel model, Scorer scorer) {
        record Point(Ranked ranked, BigDecimal effort, BigDecimal value) {
        }
        var points = new ArrayList<Point>();
        int unplaced = 0;
        for (var ranked : queue) {
            var estimate = ranked.item().estimate();
            var value = value(ranked, model);
            if (estimate == null || !estimate.agreed() || value == null) {
                unplaced++;
                continue;
            }
            points.add(new Point(ranked, scorer.days(estimate), value));
        }
        var maxEffort = points.stream().map(Point::effort).max(Comparator.naturalOrder()).orElse(BigDecimal.ONE).max(BigDecimal.ONE);
        var maxValue = points.stream().map(Point::value).max(Comparator.naturalOrder()).orElse(BigDecimal.ONE).max(BigDecimal.ONE);
        var half = new BigDecimal("0.5");
        var dots = points.stream().map(point -> {
            var x = MARGIN + scale(point.effort(), maxEffort, WIDTH - 2 * MARGIN);
            var y = HEIGHT - MARGIN - scale(point.value(), maxValue, HEIGHT - 2 * MARGIN);
            var highValue = point.value().compareTo(maxValue.multiply(half)) >= 0;
            var lowEffort = point.effort().compareTo(maxEffort.multiply(half)) < 0;
            var quadrant = highValue ? (lowEffort ? "Quick wins" : "Big bets") : (lowEffort ? "Fill-ins" : "Money pits");
            return new Dot(point.ranked().item().key(), point.ranked().item().title(), point.effort(), point.value(), x, y,
                    quadrant);
        }).toList();
        return new Matrix(dots, unplaced, valueLabel(model), maxEffort, maxValue);
    }

    /** The value side of the model: what the item is worth before its size divides it. */
    private static BigDecimal value(Ranked ranked, ScoringModel model) {
        var values = ranked.item().importance();
        if (!model.inputs().stream().allMatch(input -> values.containsKey(input.name()))) {
            return null;
        }
        return switch (model.kind()) {
            case WSJF -> model.inputs().stream().map(input -> values.get(input.name())).reduce(BigDecimal.ZERO, BigDecimal::add);
            case RICE -> values.get("reach").multiply(values.get("impact")).multiply(values.get("confidence"))
                .divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
            case ICE -> values.get("impact").multiply(values.get("confidence"));
            case VALUE_EFFORT -> values.get("value");
            case CUSTOM -> ranked.score().value();
        };
    }

    private static String valueLabel(ScoringModel model) {
        return switch (model.kind()) {
            case WSJF -> "Cost of delay (value + criticality + risk)";
            case RICE -> "Reach × impact × confidence";
            case ICE -> "Impact × confidence";
            case VALUE_EFFORT -> "Value";
            case CUSTOM -> "Score";
        };
    }

    private static int scale(BigDecimal value, BigDecimal max, int pixels) {
        return value.multiply(BigDecimal.valueOf(pixels)).divide(max, 0, RoundingMode.HALF_UP).intValue();
    }

    public String display(BigDecimal number) {
        return Scorer.display(number);
    }
}
