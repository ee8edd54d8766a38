package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.util.List;

/**
 * The score of one item under its team's model: the band it falls in, the terms that add up to the score,
 * the whole explained in a line, and, outside the ranked band, what is missing.
 */
public record Score(Band band, BigDecimal value, List<Term> terms, String explanation, List<String> missing,
        boolean overdue) {

    public Score {
        terms = List.copyOf(terms);
        missing = List.copyOf(missing);
    }

    /** The value as people read it, to two decimals (48, 2.67); null outside the ranked band. */
    public BigDecimal rounded() {
        return value == null ? null : Scorer.rounded(value);
    }

    static Score needs(List<String> missing, boolean overdue) {
        return new Score(Band.NEEDS_INPUT, null, List.of(), "Needs " + String.join(", ", missing) + ".", missing, overdue);
    }
}
