package dev.refinery.estimation;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A card of a deck: its face ("5", "½", "M", "?") and, for cards that estimate, the value in the deck's unit
 * (a T-shirt size's points). "?" and "pass" have no value.
 */
public record Card(String face, BigDecimal value) {

    public static final Card UNKNOWN = new Card("?", null);
    public static final Card PASS = new Card("pass", null);

    @JsonValue
    public String face() {
        return face;
    }

    @JsonIgnore
    public boolean estimates() {
        return value != null;
    }
}
