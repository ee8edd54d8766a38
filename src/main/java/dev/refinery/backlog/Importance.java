package dev.refinery.backlog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One importance input an item asks for: a named number within bounds. The team's scoring model decides
 * which inputs its items ask for; until a team chooses one, they are the inputs of WSJF.
 */
public record Importance(String name, String label, String hint, BigDecimal min, BigDecimal max, boolean whole) {

    public static final List<Importance> DEFAULT = List.of(
            whole("businessValue", "Business value", "What it is worth to users and the business.", 1, 10),
            whole("timeCriticality", "Time criticality", "How fast the value decays if it waits.", 1, 10),
            whole("riskReduction", "Risk reduction", "Risk it removes or opportunity it enables.", 1, 10));

    public Importance {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]{0,39}")) {
            throw new IllegalArgumentException("An input name is a word of letters and digits, like businessValue");
        }
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("An input's minimum is at most its maximum");
        }
    }

    public static Importance whole(String name, String label, String hint, int min, int max) {
        return new Importance(name, label, hint, BigDecimal.valueOf(min), BigDecimal.valueOf(max), true);
    }

    /** "1 to 10", "0.25 to 3". */
    public String range() {
        return min.stripTrailingZeros().toPlainString() + " to " + max.stripTrailingZeros().toPlainString();
    }

    Optional<String> problemWith(BigDecimal value) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0
                || whole && value.stripTrailingZeros().scale() > 0) {
            return Optional.of((whole ? "A whole number from " : "A number from ") + range() + ".");
        }
        return Optional.empty();
    }
}
