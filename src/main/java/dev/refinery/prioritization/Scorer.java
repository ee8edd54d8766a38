package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.Importance;
import dev.refinery.backlog.ItemSummary;

/**
 * The one scoring rule: scores an item under its team's model, term by term, with the deadline's urgency.
 * The queue, its explanation, the API and the matrix all ask this class. Not thread-safe with a custom
 * formula: one scorer ranks one team at a time.
 */
final class Scorer {

    static final int SCALE = 4;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final ScoringModel model;
    private final LocalDate today;
    private final Formula formula;

    Scorer(ScoringModel model, LocalDate today) {
        this.model = model;
        this.today = today;
        this.formula = model.kind() == ModelKind.CUSTOM ? Formula.of(model.formula()) : null;
    }

    Score score(ItemSummary item) {
        var urgency = urgency(item.deadline());
        var missing = new ArrayList<String>();
        for (var input : model.inputs()) {
            if (!item.importance().containsKey(input.name())) {
                missing.add(input.label().toLowerCase());
            }
        }
        BigDecimal size = null;
        if (model.usesSize()) {
            var estimate = item.estimate();
            if (estimate == null) {
                missing.add("an estimate");
            }
            else if (!estimate.agreed()) {
                missing.add("an estimate that is a number, not " + estimate);
            }
            else if (estimate.value().signum() == 0) {
                missing.add("an estimate above 0 (the model divides by size)");
            }
            else {
                size = days(estimate);
            }
        }
        if (!missing.isEmpty()) {
            return Score.needs(missing, urgency.overdue());
        }
        var base = base(item, size);
        if (base == null) {
            return Score.needs(List.of("inputs the formula can divide by (it divides by zero)"), urgency.overdue());
        }
        var terms = new ArrayList<>(base.terms());
        var total = terms.stream().map(Term::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
        var explanation = model.kind().label() + " " + display(total) + " = " + base.text();
        if (urgency.factor().compareTo(BigDecimal.ONE) > 0) {
            var extra = round(total.multiply(urgency.factor().subtract(BigDecimal.ONE)));
            terms.add(new Term(urgency.text(), extra));
            total = total.add(extra);
            explanation = model.kind().label() + " " + display(total) + " = " + base.text() + "; " + urgency.text();
        }
        return new Score(Band.RANKED, total, terms, explanation, List.of(), urgency.overdue());
    }

    /** Days of work in an estimate: points are converted with the team's days per point. */
    BigDecimal days(Estimate estimate) {
        return estimate.unit() == Estimate.Unit.DAYS ? estimate.value() : estimate.value().multiply(model.daysPerPoint());
    }

    private record Base(List<Term> terms, String text) {
    }

    private Base base(ItemSummary item, BigDecimal size) {
        var values = item.importance();
        return switch (model.kind()) {
            case WSJF -> {
                var terms = new ArrayList<Term>();
                for (var input : model.inputs()) {
                    var value = values.get(input.name());
                    terms.add(new Term(input.label() + " " + display(value) + " / " + display(size) + " d",
                            round(divide(value, size))));
                }
                yield new Base(terms, "(" + model.inputs().stream().map(input -> display(values.get(input.name())))
                    .collect(Collectors.joining(" + ")) + ") / " + display(size) + " d");
            }
            case RICE -> {
                var reach = values.get("reach");
                var impact = values.get("impact");
                var confidence = values.get("confidence");
                var score = divide(reach.multiply(impact).multiply(confidence).divide(BigDecimal.valueOf(100)), size);
                var text = display(reach) + " × " + display(impact) + " × " + display(confidence) + "% / " + display(size) + " d";
                yield new Base(List.of(new Term("reach × impact × confidence / effort: " + text, round(score))), text);
            }
            case ICE -> {
                var product = values.get("impact").multiply(values.get("confidence")).multiply(values.get("ease"));
                var text = display(values.get("impact")) + " × " + display(values.get("confidence")) + " × "
                        + display(values.get("ease"));
                yield new Base(List.of(new Term("impact × confidence × ease: " + text, round(product))), text);
            }
            case VALUE_EFFORT -> {
                var value = values.get("value");
                var text = display(value) + " / " + display(size) + " d";
                yield new Base(List.of(new Term("value / effort: " + text, round(divide(value, size)))), text);
            }
            case CUSTOM -> {
                var variables = new LinkedHashMap<String, BigDecimal>();
                for (Importance input : model.inputs()) {
                    variables.put(input.name(), values.get(input.name()));
                }
                if (size != null) {
                    variables.put(Formula.SIZE, size);
                }
                try {
                    var result = formula.evaluate(variables);
                    var text = model.formula() + " with " + variables.entrySet().stream()
                        .map(entry -> entry.getKey() + " " + display(entry.getValue()))
                        .collect(Collectors.joining(", "));
                    yield new Base(List.of(new Term("formula: " + text, round(result))), text);
                }
                catch (Formula.Undefined undefined) {
                    yield null;
                }
            }
        };
    }

    private record Urgency(BigDecimal factor, String text, boolean overdue) {
    }

    private Urgency urgency(LocalDate deadline) {
        if (!model.deadlineUrgency() || deadline == null) {
            return new Urgency(BigDecimal.ONE, "", false);
        }
        var daysLeft = ChronoUnit.DAYS.between(today, deadline);
        if (daysLeft <= 0) {
            return new Urgency(TWO, (daysLeft == 0 ? "deadline today" : "overdue by " + -daysLeft + " d") + ": ×2", daysLeft < 0);
        }
        if (daysLeft >= model.horizonDays()) {
            return new Urgency(BigDecimal.ONE, "", false);
        }
        var factor = BigDecimal.ONE.add(BigDecimal.valueOf(model.horizonDays() - daysLeft)
            .divide(BigDecimal.valueOf(model.horizonDays()), 2, RoundingMode.HALF_UP));
        return new Urgency(factor, "deadline in " + daysLeft + " d: ×" + display(factor), false);
    }

    private static BigDecimal divide(BigDecimal value, BigDecimal by) {
        return value.divide(by, 10, RoundingMode.HALF_UP);
    }

    static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** A number as people read it: at most two decimals, no trailing zeros. */
    static String display(BigDecimal value) {
        return rounded(value).toPlainString();
    }

    /** To two decimals, without trailing zeros: 48, 2.67. */
    static BigDecimal rounded(BigDecimal value) {
        var rounded = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
