package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

import dev.refinery.backlog.Estimate;

/** The cards a team votes with, in order, plus "?" and "pass"; the deck's unit is the estimate's unit. */
public record Deck(Kind kind, Estimate.Unit unit, List<Card> cards) {

    public enum Kind implements Coded {
        FIBONACCI("fibonacci", "Fibonacci", "0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100"),
        MODIFIED_FIBONACCI("modified-fibonacci", "Modified Fibonacci", "0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89"),
        TSHIRT("tshirt", "T-shirt", "XS, S, M, L, XL, XXL (mapped to points)"),
        DAYS("days", "Days", "½, 1, 2, 3, 5, 10 days"),
        POWERS_OF_TWO("powers-of-two", "Powers of two", "0, 1, 2, 4, 8, 16, 32, 64"),
        CUSTOM("custom", "Custom", "your own numbers");

        private final String code;
        private final String label;
        private final String faces;

        Kind(String code, String label, String faces) {
            this.code = code;
            this.label = label;
            this.faces = faces;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public String faces() {
            return faces;
        }

        public static Optional<Kind> of(String code) {
            return Coded.of(values(), code);
        }
    }

    public static final List<String> TSHIRT_SIZES = List.of("XS", "S", "M", "L", "XL", "XXL");
    public static final List<BigDecimal> TSHIRT_DEFAULT = numbers("1", "2", "3", "5", "8", "13");

    public Deck {
        cards = List.copyOf(cards);
    }

    /** The deck of a kind; {@code numbers} are the T-shirt mapping or the custom cards, ignored otherwise. */
    static Deck of(Kind kind, List<BigDecimal> numbers, Estimate.Unit customUnit) {
        return switch (kind) {
            case FIBONACCI -> points(numbers("0", "0.5", "1", "2", "3", "5", "8", "13", "20", "40", "100"), Estimate.Unit.POINTS, kind);
            case MODIFIED_FIBONACCI -> points(numbers("0", "1", "2", "3", "5", "8", "13", "21", "34", "55", "89"), Estimate.Unit.POINTS, kind);
            case POWERS_OF_TWO -> points(numbers("0", "1", "2", "4", "8", "16", "32", "64"), Estimate.Unit.POINTS, kind);
            case DAYS -> points(numbers("0.5", "1", "2", "3", "5", "10"), Estimate.Unit.DAYS, kind);
            case CUSTOM -> points(numbers, customUnit, kind);
            case TSHIRT -> {
                var cards = new ArrayList<Card>();
                for (int i = 0; i < TSHIRT_SIZES.size(); i++) {
                    cards.add(new Card(TSHIRT_SIZES.get(i), numbers.get(i)));
                }
                yield new Deck(kind, Estimate.Unit.POINTS, cards);
            }
        };
    }

    private static Deck points(List<BigDecimal> values, Estimate.Unit unit, Kind kind) {
        return new Deck(kind, unit, values.stream().map(value -> new Card(face(value), value)).toList());
    }

    /** The cards a voter picks from: the deck's, then "?" and "pass". */
    public List<Card> hand() {
        var hand = new ArrayList<>(cards);
        hand.add(Card.UNKNOWN);
        hand.add(Card.PASS);
        return hand;
    }

    public Optional<Card> card(String face) {
        return hand().stream().filter(card -> card.face().equals(face)).findFirst();
    }

    /** Where a card stands in the deck: deck steps are distances between these. */
    int step(Card card) {
        return cards.indexOf(card);
    }

    static String face(BigDecimal value) {
        if (value.compareTo(new BigDecimal("0.5")) == 0) {
            return "½";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    static List<BigDecimal> numbers(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
