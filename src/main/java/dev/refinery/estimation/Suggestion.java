package dev.refinery.estimation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A suggested estimate on the team's deck with the evidence for it and how sure it is; {@code value} is null when
 * there is nothing to suggest from (the reason says so). The suggestion is the weighted median of the team's past
 * estimates, each weighted by how much it tells about this item: the most similar items by their similarity, the
 * most recent ones, and all of them (the team's median). The median is the value that makes the smallest mean
 * absolute error, and each weight can be read back as evidence.
 */
public record Suggestion(BigDecimal value, Confidence confidence, String reason, BigDecimal median) {

    public enum Confidence {
        LOW("low"), MEDIUM("medium"), HIGH("high");

        private final String code;

        Confidence(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * How the evidence is weighed: the {@code similar} most similar items together weigh {@code similarWeight}, the
     * last {@code recent} estimates {@code recentWeight}, and the whole history what is left of 1.
     */
    public record Blend(int similar, double similarWeight, int recent, double recentWeight) {

        /** Chosen on the tuning rows of generated projects by {@code bench/run estimates}. */
        public static final Blend DEFAULT = new Blend(6, 0.6, 20, 0.1);

        public Blend {
            if (similar < 0 || recent < 0 || similarWeight < 0 || recentWeight < 0 || similarWeight + recentWeight > 1 + 1e-9) {
                throw new IllegalArgumentException("A blend weighs similar and recent items from 0 to 1 together");
            }
        }
    }

    public boolean suggested() {
        return value != null;
    }

    /**
     * The suggestion for an item from its most similar items (best first), the team's estimates (oldest first) and
     * the team's deck (the numbers it can agree on; empty to take the values of the history).
     */
    public static Suggestion of(List<Similar> similar, List<BigDecimal> history, List<BigDecimal> deck, Blend blend) {
        return of(similar, EstimateHistory.of(history), deck, blend);
    }

    /** The same from the team's history as counted by the index, without going through every estimate. */
    public static Suggestion of(List<Similar> similar, EstimateHistory history, List<BigDecimal> deck, Blend blend) {
        if (history.isEmpty()) {
            return new Suggestion(null, null, "No suggestion: the team has estimated no item yet.", null);
        }
        var weighed = new ArrayList<Weighed>();
        var alike = similar.stream().limit(blend.similar()).toList();
        var scores = alike.stream().mapToDouble(Similar::score).sum();
        var similarWeight = scores > 0 ? blend.similarWeight() : 0;
        for (var item : alike) {
            weighed.add(new Weighed(item.value().doubleValue(), similarWeight * item.score() / scores));
        }
        var recent = history.recent(blend.recent());
        var recentWeight = recent.isEmpty() ? 0 : blend.recentWeight();
        for (var value : recent) {
            weighed.add(new Weighed(value.doubleValue(), recentWeight / recent.size()));
        }
        var rest = 1 - similarWeight - recentWeight;
        // the whole history weighs the same per item: one entry per value keeps a history of 50,000 items quick
        var counts = history.counts();
        counts.forEach((value, count) -> weighed.add(new Weighed(value.doubleValue(), rest * count / history.size())));
        weighed.sort(Comparator.comparingDouble(Weighed::value));
        var total = weighed.stream().mapToDouble(Weighed::weight).sum();
        var cumulative = 0.0;
        var middle = weighed.getLast().value();
        for (var item : weighed) {
            cumulative += item.weight();
            if (cumulative >= total / 2 - 1e-9) {
                middle = item.value();
                break;
            }
        }
        var cards = deck.isEmpty() ? List.copyOf(counts.keySet()) : deck;
        var value = snap(middle, cards);
        var on = weighed.stream().filter(item -> snap(item.value(), cards).compareTo(value) == 0).mapToDouble(Weighed::weight).sum() / total;
        var confidence = on >= 0.6 ? Confidence.HIGH : on >= 0.35 ? Confidence.MEDIUM : Confidence.LOW;
        var median = history.median();
        var agreeing = alike.stream().filter(item -> snap(item.value().doubleValue(), cards).compareTo(value) == 0).count();
        var reason = "Suggested " + plain(value) + ": "
                + (alike.isEmpty() ? "no item of the team is like this one"
                        : agreeing + " of the " + alike.size() + " most similar items " + (alike.size() == 1 ? "was " : "were ") + plain(value))
                + "; the team's median is " + plain(median) + ".";
        return new Suggestion(value, confidence, reason, median);
    }

    /** The plain median: the middle value, or the mean of the two middle ones. */
    public static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = values.stream().sorted().toList();
        var half = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(half)
                : sorted.get(half - 1).add(sorted.get(half)).divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** The card nearest to a value; the smaller of two as near. */
    static BigDecimal snap(double value, List<BigDecimal> cards) {
        var best = cards.getFirst();
        for (var card : cards) {
            if (Math.abs(card.doubleValue() - value) < Math.abs(best.doubleValue() - value) - 1e-9) {
                best = card;
            }
        }
        return best;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private record Weighed(double value, double weight) {
    }
}
