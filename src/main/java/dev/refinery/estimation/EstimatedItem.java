package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An item with an agreed estimate, as the similarity index keeps it: its words (title, description, technical notes
 * and acceptance criteria, Markdown or markup and all) and its value. {@code order} says which was estimated first.
 */
public record EstimatedItem(long team, String key, String title, String text, BigDecimal value, long order) {

    public EstimatedItem {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
