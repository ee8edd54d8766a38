package dev.refinery.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QueueSimulationTests {

    private static final int[] NO_DEADLINES = { -1, -1, -1, -1 };

    @Test
    void aConstantThroughputGivesExactIterations() {
        var outcome = QueueSimulation.run(new long[] { 20, 20, 20 }, new long[] { 10, 10, 10, 10 }, NO_DEADLINES, 100, 0, 7,
                QueueSimulation.RUNS);

        assertThat(outcome.p50()).containsExactly(1, 1, 2, 2);
        assertThat(outcome.p85()).containsExactly(1, 1, 2, 2);
        assertThat(outcome.p95()).containsExactly(1, 1, 2, 2);
    }

    @Test
    void whatTheCurrentIterationAlreadyDeliveredNoLongerCounts() {
        var outcome = QueueSimulation.run(new long[] { 20 }, new long[] { 10, 10, 10, 10 }, NO_DEADLINES, 100, 10, 7, 100);

        assertThat(outcome.p85()).containsExactly(1, 2, 2, 3);
    }

    @Test
    void halfTheCapacityTakesTwiceAsLong() {
        var outcome = QueueSimulation.run(new long[] { 20 }, new long[] { 10, 10, 10, 10 }, NO_DEADLINES, 50, 0, 7, 100);

        assertThat(outcome.p85()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aDeadlineIsMadeOnlyWhenTheThroughputReachesIt() {
        var outcome = QueueSimulation.run(new long[] { 20 }, new long[] { 10, 10, 10, 10 }, new int[] { 0, 1, 1, 2 }, 100,
                0, 7, 100);

        assertThat(outcome.deadlineLikelihood()).containsExactly(0.0, 1.0, 0.0, 1.0);
        var late = QueueSimulation.run(new long[] { 20 }, new long[] { 10, 10, 10, 10 }, new int[] { -1, -1, -1, 1 }, 100, 0, 7, 100);
        assertThat(late.deadlineLikelihood()[3]).isZero();
        assertThat(late.deadlineLikelihood()[0]).isNaN();
    }

    @Test
    void aVaryingThroughputGivesTheLikelihoodsItImplies() {
        // Half the iterations deliver nothing: an item of one iteration's work is done by k with likelihood 1 - 0.5^k.
        var outcome = QueueSimulation.run(new long[] { 0, 20 }, new long[] { 20 }, new int[] { 2 }, 100, 0, 11,
                QueueSimulation.RUNS);

        assertThat(outcome.p85()).containsExactly(3);
        assertThat(outcome.p95()).containsExactly(5);
        assertThat(outcome.deadlineLikelihood()[0]).isCloseTo(0.75, within(0.02));
    }

    @Test
    void theSameSeedGivesTheSameForecast() {
        long[] samples = { 3, 9, 14, 20, 27 };
        long[] sizes = { 5, 8, 13, 2, 3, 8, 5, 13, 21, 1 };
        int[] deadlines = { -1, -1, 2, -1, -1, 3, -1, -1, 4, -1 };
        var first = QueueSimulation.run(samples, sizes, deadlines, 100, 0, 42, QueueSimulation.RUNS);
        var again = QueueSimulation.run(samples, sizes, deadlines, 100, 0, 42, QueueSimulation.RUNS);

        assertThat(again.p50()).containsExactly(first.p50());
        assertThat(again.p95()).containsExactly(first.p95());
        assertThat(again.deadlineLikelihood()).containsExactly(first.deadlineLikelihood());
    }

    @Test
    void noThroughputReachesNothingWithinTheHorizon() {
        var outcome = QueueSimulation.run(new long[] { 0, 0, 0 }, new long[] { 2 }, new int[] { -1 }, 100, 0, 1, 100);

        assertThat(outcome.p50()).containsExactly(0);
    }

    @Test
    void refusesToForecastWithoutHistory() {
        assertThatThrownBy(() -> QueueSimulation.run(new long[0], new long[] { 2 }, new int[] { -1 }, 100, 0, 1, 100))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
