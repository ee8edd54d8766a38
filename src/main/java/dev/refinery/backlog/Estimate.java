package dev.refinery.backlog;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

/**
 * An agreed estimate: a value in points or days, kept in halves (a half day is 1), or an outcome that is
 * not a number: "?" (unknown) or "too big, split it".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Estimate(BigDecimal value, Unit unit, Outcome outcome) {

    public static final int MAX_HALVES = 1998;

    public enum Unit implements Coded {
        POINTS("points", "pt"), DAYS("days", "d");

        private final String code;
        private final String symbol;

        Unit(String code, String symbol) {
            this.code = code;
            this.symbol = symbol;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        public String symbol() {
            return symbol;
        }

        public static Optional<Unit> of(String code) {
            return Coded.of(values(), code);
        }
    }

    public enum Outcome implements Coded {
        UNKNOWN("unknown", "?"), TOO_BIG("too-big-split", "too big, split it");

        private final String code;
        private final String label;

        Outcome(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Optional<Outcome> of(String code) {
            return Coded.of(values(), code);
        }
    }

    public Estimate {
        if (outcome == null) {
            if (value == null || unit == null) {
                throw new IllegalArgumentException("An estimate has a value and a unit, or an outcome");
            }
            var halves = value.multiply(BigDecimal.TWO);
            if (halves.signum() < 0 || halves.compareTo(BigDecimal.valueOf(MAX_HALVES)) > 0
                    || halves.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("An estimate is 0 to 999 in steps of 0.5");
            }
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }
        else if (value != null || unit != null) {
            throw new IllegalArgumentException("An estimate with an outcome has no value");
        }
    }

    public static Estimate of(BigDecimal value, Unit unit) {
        return new Estimate(value, unit, null);
    }

    public static Estimate of(Outcome outcome) {
        return new Estimate(null, null, outcome);
    }

    static Estimate ofHalves(int halves, Unit unit) {
        return of(BigDecimal.valueOf(halves).divide(BigDecimal.TWO), unit);
    }

    @JsonIgnore
    int halves() {
        return value.multiply(BigDecimal.TWO).intValueExact();
    }

    /** A number the team can plan with: not "?" and not "too big". */
    @JsonIgnore
    public boolean agreed() {
        return outcome == null;
    }

    /** As people read it: "3 pt", "1.5 d", "?", "too big, split it". */
    @Override
    public String toString() {
        return outcome != null ? outcome.label() : value.toPlainString() + " " + unit.symbol();
    }
}
