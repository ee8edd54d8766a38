package dev.refinery.prioritization;

import java.math.BigDecimal;

/** One part of a score: what it is, and how much it adds. The terms of a score add up to the score. */
public record Term(String name, BigDecimal contribution) {
}
