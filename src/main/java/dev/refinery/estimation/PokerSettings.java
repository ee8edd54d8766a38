package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.List;

import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemKey;

/**
 * A team's planning poker: its deck (the T-shirt mapping or custom cards in {@code numbers}), whether a
 * round reveals itself once every present voter has voted, whether previous estimates and scores stay hidden
 * until the reveal (anchoring hygiene), whether product managers vote, whether an estimate is suggested after the
 * reveal, and its reference stories: for a card of the deck, the items that show what it means.
 */
public record PokerSettings(Deck.Kind kind, List<BigDecimal> numbers, Estimate.Unit customUnit, boolean autoReveal,
        boolean hideAnchors, boolean pmVotes, boolean suggest, List<References> references, int version) {

    /** The most reference stories of one card. */
    public static final int REFERENCES_MAX = 3;

    public static final PokerSettings DEFAULT = new PokerSettings(Deck.Kind.FIBONACCI, List.of(), Estimate.Unit.POINTS, true,
            true, false, true, List.of(), 0);

    /** The items a team points at for one card of its deck ({@code card} is the card's face: "3", "½", "M"). */
    public record References(String card, List<ItemKey> items) {

        public References {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public PokerSettings {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        customUnit = customUnit == null ? Estimate.Unit.POINTS : customUnit;
        references = references == null ? List.of() : List.copyOf(references);
    }

    public Deck deck() {
        var mapping = kind == Deck.Kind.TSHIRT && numbers.size() != Deck.TSHIRT_SIZES.size() ? Deck.TSHIRT_DEFAULT : numbers;
        return Deck.of(kind, mapping, customUnit);
    }

    PokerSettings withVersion(int version) {
        return new PokerSettings(kind, numbers, customUnit, autoReveal, hideAnchors, pmVotes, suggest, references, version);
    }
}
