package dev.refinery.estimation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a suggestion needs of a team's estimates, without the estimates themselves: how many there are, how many of
 * each value, and the latest of them (oldest first). A team of 50,000 estimated items has a dozen values, so a
 * suggestion reads a dozen counts instead of 50,000 estimates. Immutable.
 */
public record EstimateHistory(int size, SortedMap<BigDecimal, Integer> counts, List<BigDecimal> latest) {

    /** How many of the latest estimates a history made from the index keeps: more than any blend's recent ones. */
    static final int LATEST = 100;

    public static final EstimateHistory EMPTY = new EstimateHistory(0, new TreeMap<>(), List.of());

    public EstimateHistory {
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        latest = List.copyOf(latest);
        if (latest.size() > size) {
            throw new IllegalArgumentException("A history has no more latest estimates than estimates");
        }
    }

    /** The history of these estimates, oldest first, all of them kept as the latest. */
    public static EstimateHistory of(List<BigDecimal> values) {
        var counts = new TreeMap<BigDecimal, Integer>();
        for (var value : values) {
            counts.merge(value, 1, Integer::sum);
        }
        return new EstimateHistory(values.size(), counts, values);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The last {@code count} estimates, oldest first (all of them when there are fewer). */
    public List<BigDecimal> recent(int count) {
        var wanted = Math.min(count, size);
        if (wanted > latest.size()) {
            throw new IllegalArgumentException("This history keeps only its " + latest.size() + " latest estimates, not " + count);
        }
        return latest.subList(latest.size() - wanted, latest.size());
    }

    /**
     * The history without the oldest estimate of this value (an item's own estimate is no evidence for itself): the
     * same as removing the value's first occurrence from the list of all estimates.
     */
    public EstimateHistory without(BigDecimal value) {
        var count = counts.get(value);
        if (count == null) {
            return this;
        }
        var counted = new TreeMap<>(counts);
        if (count == 1) {
            counted.remove(value);
        }
        else {
            counted.put(value, count - 1);
        }
        var inLatest = latest.stream().filter(each -> each.compareTo(value) == 0).count();
        var kept = latest;
        if (inLatest == count) {
            // its oldest occurrence is among the latest ones
            var copy = new ArrayList<>(latest);
            for (var i = 0; i < copy.size(); i++) {
                if (copy.get(i).compareTo(value) == 0) {
                    copy.remove(i);
                    break;
                }
            }
            kept = copy;
        }
        return new EstimateHistory(size - 1, counted, kept);
    }

    /** The plain median: the middle value, or the mean of the two middle ones; null when there is no estimate. */
    public BigDecimal median() {
        BigDecimal lower = null;
        var seen = 0;
        for (var entry : counts.entrySet()) {
            seen += entry.getValue();
            if (lower == null && seen >= (size + 1) / 2) {
                lower = entry.getKey();
            }
            if (seen >= size / 2 + 1) {
                return size % 2 == 1 ? lower
                        : lower.add(entry.getKey()).divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP).stripTrailingZeros();
            }
        }
        return lower;
    }
}
