package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.refinery.backlog.BacklogItemId;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.Importance;
import dev.refinery.backlog.ItemKey;
import dev.refinery.backlog.ItemSummary;
import dev.refinery.backlog.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ScorerTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final ScoringModel WSJF = ScoringModel.DEFAULT;

    @Test
    void scoresWsjfAsCostOfDelayOverJobSizeWithTermsThatAddUp() {
        var score = new Scorer(WSJF, TODAY).score(item(1, days("3.5"), Map.of("businessValue", 8, "timeCriticality", 5,
                "riskReduction", 2), null));

        assertThat(score.band()).isEqualTo(Band.RANKED);
        assertThat(score.value()).isEqualByComparingTo("4.2857");
        assertThat(score.explanation()).isEqualTo("WSJF 4.29 = (8 + 5 + 2) / 3.5 d");
        assertThat(score.terms()).extracting(Term::name).containsExactly("Business value 8 / 3.5 d",
                "Time criticality 5 / 3.5 d", "Risk reduction 2 / 3.5 d");
        assertThat(sum(score)).isEqualByComparingTo(score.value());
    }

    @Test
    void convertsPointsToDaysSoThatMixedUnitsRankTogether() {
        var scorer = new Scorer(WSJF, TODAY);
        var inPoints = scorer.score(item(1, Estimate.of(new BigDecimal("4"), Estimate.Unit.POINTS), wsjf(6), null));
        var inDays = scorer.score(item(2, days("2"), wsjf(6), null));

        assertThat(inPoints.value()).isEqualByComparingTo(inDays.value()).isEqualByComparingTo("9");
    }

    @Test
    void putsItemsWithoutAnEstimateOrAnInputInTheirOwnBandSayingWhatIsMissing() {
        var scorer = new Scorer(WSJF, TODAY);

        var noEstimate = scorer.score(item(1, null, wsjf(5), null));
        var unknown = scorer.score(item(2, Estimate.of(Estimate.Outcome.UNKNOWN), wsjf(5), null));
        var noInput = scorer.score(item(3, days("1"), Map.of("businessValue", 5), null));

        assertThat(noEstimate.band()).isEqualTo(Band.NEEDS_INPUT);
        assertThat(noEstimate.value()).isNull();
        assertThat(noEstimate.missing()).containsExactly("an estimate");
        assertThat(unknown.missing()).containsExactly("an estimate that is a number, not ?");
        assertThat(noInput.missing()).containsExactly("time criticality", "risk reduction");
    }

    @Test
    void refusesToDivideByAZeroSize() {
        var score = new Scorer(WSJF, TODAY).score(item(1, days("0"), wsjf(5), null));

        assertThat(score.band()).isEqualTo(Band.NEEDS_INPUT);
        assertThat(score.missing()).containsExactly("an estimate above 0 (the model divides by size)");
    }

    @Test
    void raisesUrgencyAsTheDeadlineNearsAndDoublesItWhenOverdue() {
        var scorer = new Scorer(WSJF, TODAY);

        var inSixDays = scorer.score(item(1, days("3.5"), Map.of("businessValue", 8, "timeCriticality", 5,
                "riskReduction", 2), TODAY.plusDays(6)));
        var overdue = scorer.score(item(2, days("1"), wsjf(1), TODAY.minusDays(3)));
        var farAway = scorer.score(item(3, days("1"), wsjf(1), TODAY.plusDays(60)));

        assertThat(inSixDays.explanation()).isEqualTo("WSJF 7.71 = (8 + 5 + 2) / 3.5 d; deadline in 6 d: ×1.8");
        assertThat(inSixDays.terms().getLast()).isEqualTo(new Term("deadline in 6 d: ×1.8", new BigDecimal("3.4286")));
        assertThat(sum(inSixDays)).isEqualByComparingTo(inSixDays.value());
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.value()).isEqualByComparingTo("6");
        assertThat(overdue.explanation()).endsWith("overdue by 3 d: ×2");
        assertThat(farAway.value()).isEqualByComparingTo("3");
        var off = new ScoringModel(ModelKind.WSJF, "", List.of(), new BigDecimal("0.5"), false, 30, 1);
        assertThat(new Scorer(off, TODAY).score(item(2, days("1"), wsjf(1), TODAY.minusDays(3))).value())
            .isEqualByComparingTo("3");
    }

    @Test
    void scoresRiceIceAndValueOverEffort() {
        var rice = new ScoringModel(ModelKind.RICE, "", List.of(), new BigDecimal("0.5"), false, 30, 1);
        var ice = new ScoringModel(ModelKind.ICE, "", List.of(), new BigDecimal("0.5"), false, 30, 1);
        var valueEffort = new ScoringModel(ModelKind.VALUE_EFFORT, "", List.of(), new BigDecimal("0.5"), false, 30, 1);

        var riceScore = new Scorer(rice, TODAY).score(item(1, days("4"), Map.of("reach", 2000, "impact", 2,
                "confidence", 80), null));
        var iceScore = new Scorer(ice, TODAY).score(item(2, null, Map.of("impact", 5, "confidence", 6, "ease", 7), null));
        var valueScore = new Scorer(valueEffort, TODAY).score(item(3, Estimate.of(new BigDecimal("8"), Estimate.Unit.POINTS),
                Map.of("value", 6), null));

        assertThat(riceScore.value()).isEqualByComparingTo("800");
        assertThat(iceScore.value()).isEqualByComparingTo("210");
        assertThat(iceScore.band()).as("ICE needs no estimate").isEqualTo(Band.RANKED);
        assertThat(valueScore.value()).isEqualByComparingTo("1.5");
    }

    @Test
    void evaluatesACustomFormulaOverTheTeamsInputsAndSize() {
        var custom = new ScoringModel(ModelKind.CUSTOM, "(value * 2 + urgency) / size",
                List.of(new Importance("value", "Value", "", BigDecimal.ONE, BigDecimal.TEN, true),
                        new Importance("urgency", "Urgency", "", BigDecimal.ZERO, BigDecimal.TEN, true)),
                new BigDecimal("0.5"), false, 30, 1);
        var scorer = new Scorer(custom, TODAY);

        var score = scorer.score(item(1, days("2"), Map.of("value", 4, "urgency", 2), null));
        var withoutInput = scorer.score(item(2, days("2"), Map.of("value", 4), null));

        assertThat(score.value()).isEqualByComparingTo("5");
        assertThat(score.explanation()).isEqualTo("Custom formula 5 = (value * 2 + urgency) / size with value 4, urgency 2, size 2");
        assertThat(withoutInput.missing()).containsExactly("urgency");
    }

    @Test
    void leavesAnItemOutOfTheRankingWhenTheCustomFormulaDividesByZeroForIt() {
        var custom = new ScoringModel(ModelKind.CUSTOM, "value / (urgency - 1)",
                List.of(new Importance("value", "Value", "", BigDecimal.ONE, BigDecimal.TEN, true),
                        new Importance("urgency", "Urgency", "", BigDecimal.ZERO, BigDecimal.TEN, true)),
                new BigDecimal("0.5"), false, 30, 1);

        var score = new Scorer(custom, TODAY).score(item(1, null, Map.of("value", 4, "urgency", 1), null));

        assertThat(score.band()).isEqualTo(Band.NEEDS_INPUT);
        assertThat(score.missing()).containsExactly("inputs the formula can divide by (it divides by zero)");
    }

    static ItemSummary item(int number, Estimate estimate, Map<String, Integer> importance, LocalDate deadline) {
        var values = new java.util.HashMap<String, BigDecimal>();
        importance.forEach((name, value) -> values.put(name, BigDecimal.valueOf(value)));
        return new ItemSummary(new BacklogItemId(number), new ItemKey("PAY", number), "Item " + number, Status.DRAFT,
                estimate, values, deadline, null);
    }

    static Map<String, Integer> wsjf(int each) {
        return Map.of("businessValue", each, "timeCriticality", each, "riskReduction", each);
    }

    static Estimate days(String value) {
        return Estimate.of(new BigDecimal(value), Estimate.Unit.DAYS);
    }

    static BigDecimal sum(Score score) {
        return score.terms().stream().map(Term::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
