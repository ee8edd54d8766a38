package dev.refinery.estimation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * What the revealed cards say: median, mean, spread from lowest to highest (in deck steps), consensus (all
 * within one step), the suggested estimate (the median rounded up to a card) and the outliers, votes two or
 * more steps from it. "?" and "pass" count for none of these.
 */
public record Statistics(int votes, BigDecimal median, BigDecimal mean, Card lowest, Card highest, int spread,
        boolean consensus, Card suggested, List<Vote> outliers) {

    public Statistics {
        outliers = List.copyOf(outliers);
    }

    static Statistics of(List<Vote> votes, Deck deck) {
        var counted = votes.stream().filter(vote -> vote.card().estimates())
            .sorted(Comparator.comparing(vote -> vote.card().value())).toList();
        if (counted.isEmpty()) {
            return new Statistics(0, null, null, null, null, 0, false, null, List.of());
        }
        var values = counted.stream().map(vote -> vote.card().value()).toList();
        var middle = values.size() / 2;
        var median = values.size() % 2 == 1 ? values.get(middle)
                : values.get(middle - 1).add(values.get(middle)).divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP);
        var mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
        var lowest = counted.getFirst().card();
        var highest = counted.getLast().card();
        var suggested = deck.cards().stream().filter(card -> card.value().compareTo(median) >= 0).findFirst()
            .orElse(deck.cards().getLast());
        var spread = deck.step(highest) - deck.step(lowest);
        var outliers = counted.stream().filter(vote -> Math.abs(deck.step(vote.card()) - deck.step(suggested)) >= 2).toList();
        return new Statistics(counted.size(), median.stripTrailingZeros(), mean.stripTrailingZeros(), lowest, highest, spread,
                spread <= 1, suggested, outliers);
    }

    public String display(BigDecimal number) {
        return number == null ? "–" : number.stripTrailingZeros().toPlainString();
    }
}
