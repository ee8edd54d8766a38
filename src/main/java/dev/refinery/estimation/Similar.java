package dev.refinery.estimation;

import java.math.BigDecimal;

/** A past item found like the one being estimated: its key, title, estimate, and how alike it is (Lucene's score). */
public record Similar(String key, String title, BigDecimal value, float score) {
}
