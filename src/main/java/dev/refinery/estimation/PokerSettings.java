package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.List;

import dev.refinery.backlog.Estimate;

/**
 * A team's planning poker: its deck (the T-shirt mapping or custom cards in {@code numbers}), whether a
 * round reveals itself once every present voter has voted, whether previous estimates and scores stay hidden
 * until the reveal (anchoring hygiene), and whether product managers vote.
 */
public record PokerSettings(Deck.Kind kind, List<BigDecimal> numbers, Estimate.Unit customUnit, boolean autoReveal,
        boolean hideAnchors, boolean pmVotes, int version) {

    public static final PokerSettings DEFAULT = new PokerSettings(Deck.Kind.FIBONACCI, List.of(), Estimate.Unit.POINTS, true,
            true, false, 0);

    public PokerSettings {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        customUnit = customUnit == null ? Estimate.Unit.POINTS : customUnit;
    }

    public Deck deck() {
        var mapping = kind == Deck.Kind.TSHIRT && numbers.size() != Deck.TSHIRT_SIZES.size() ? Deck.TSHIRT_DEFAULT : numbers;
        return Deck.of(kind, mapping, customUnit);
    }
}
