package dev.refinery.reporting;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Monte Carlo forecast of a queue. Each run draws every future iteration's throughput from the past ones (with
 * replacement) and scales it by the capacity; item i of the queue is done in the first iteration whose cumulative
 * throughput covers the sizes of items 0..i. Instead of keeping every run's finishing iteration of every item, it
 * keeps, per future iteration k, the cumulative throughputs of all runs: an item of cumulative size S is done by k in
 * exactly the runs whose throughput up to k is at least S, so its p-likelihood iteration is the first k where that
 * holds in a share p of the runs. The work grows with runs times iterations, not with runs times items.
 */
final class QueueSimulation {

    /** The most iterations looked ahead; an item beyond them is reported as not within the horizon. */
    static final int HORIZON = 260;

    static final int RUNS = 10_000;

    /** For each item: the iteration (1 = the next one) by which it is done with 50, 85 and 95 % likelihood (0: beyond the horizon), and its deadline's likelihood. */
    record Outcome(int[] p50, int[] p85, int[] p95, double[] deadlineLikelihood) {
    }

    private QueueSimulation() {
    }

    /**
     * @param samples past iterations' throughput, in the size's unit
     * @param sizes the queue's item sizes, in order
     * @param deadlines for each item, the number of future iterations that end by its deadline, or -1 for none
     * @param capacityPercent the capacity against the past (100: as before)
     * @param spent what the current iteration (k = 1) has already delivered: it no longer counts towards the queue
     */
    static Outcome run(long[] samples, long[] sizes, int[] deadlines, int capacityPercent, long spent, long seed, int runs) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("A forecast needs past throughput.");
        }
        var n = sizes.length;
        var cumulative = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += sizes[i] * 100L;
            cumulative[i] = total;
        }
        var lastDeadline = Math.min(HORIZON, Arrays.stream(deadlines).max().orElse(-1));
        var withDeadline = java.util.stream.IntStream.range(0, n).filter(i -> deadlines[i] > 0).toArray();
        var p50 = new long[HORIZON + 1];
        var p85 = new long[HORIZON + 1];
        var p95 = new long[HORIZON + 1];
        var likelihood = new double[n];
        Arrays.fill(likelihood, Double.NaN);
        var random = new SplittableRandom(seed);
        var reached = new long[runs];
        var sorted = new long[runs];
        int horizon = 0;
        for (int k = 1; k <= HORIZON; k++) {
            var already = k == 1 ? spent * 100 : 0;
            for (int r = 0; r < runs; r++) {
                reached[r] += Math.max(0, samples[random.nextInt(samples.length)] * capacityPercent - already);
            }
            System.arraycopy(reached, 0, sorted, 0, runs);
            Arrays.sort(sorted);
            p50[k] = sorted[runs - share(runs, 50)];
            p85[k] = sorted[runs - share(runs, 85)];
            p95[k] = sorted[runs - share(runs, 95)];
            horizon = k;
            for (var i : withDeadline) {
                if (deadlines[i] == k || (k == HORIZON && deadlines[i] > HORIZON)) {
                    likelihood[i] = (double) (runs - lowerBound(sorted, cumulative[i])) / runs;
                }
            }
            if (p95[k] >= total && k >= lastDeadline) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            if (deadlines[i] == 0) {
                likelihood[i] = cumulative[i] == 0 ? 1 : 0;
            }
        }
        return new Outcome(first(p50, cumulative, horizon), first(p85, cumulative, horizon), first(p95, cumulative, horizon),
                likelihood);
    }

    /** How many of the runs make a share of {@code percent}, at least one. */
    private static int share(int runs, int percent) {
        return Math.max(1, (int) Math.ceil(runs * percent / 100.0));
    }

    /** For each item, the first iteration whose quantile covers it; the quantiles never fall as k grows. */
    private static int[] first(long[] quantile, long[] cumulative, int horizon) {
        var result = new int[cumulative.length];
        int k = 1;
        for (int i = 0; i < cumulative.length; i++) {
            while (k <= horizon && quantile[k] < cumulative[i]) {
                k++;
            }
            result[i] = k <= horizon ? k : 0;
        }
        return result;
    }

    private static int lowerBound(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            }
            else {
                high = mid;
            }
        }
        return low;
    }
}
