package dev.refinery.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class IterationsTests {

    private final Iterations berlin = new Iterations(2, LocalDate.of(2026, 3, 16), ZoneId.of("Europe/Berlin"), 1);

    @Test
    void anInstantBelongsToTheIterationOfItsDayInTheTeamsZone() {
        // 23:30 in Berlin on the last day of iteration 0 (summer time began that morning), and an hour later.
        assertThat(berlin.indexOf(Instant.parse("2026-03-29T21:30:00Z"))).isZero();
        assertThat(berlin.indexOf(Instant.parse("2026-03-29T22:30:00Z"))).isEqualTo(1);
        var utc = new Iterations(2, LocalDate.of(2026, 3, 16), ZoneId.of("UTC"), 1);
        assertThat(utc.indexOf(Instant.parse("2026-03-29T22:30:00Z"))).isZero();
    }

    @Test
    void boundariesAreWholeDaysAcrossDaylightSavingChanges() {
        assertThat(berlin.lastDay(0)).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(berlin.start(1)).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(berlin.startsAt(1)).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(berlin.startsAt(0)).isEqualTo(Instant.parse("2026-03-15T23:00:00Z"));
        // Back to winter time on 25 October: iteration 16 still starts at local midnight, the day after.
        assertThat(berlin.start(16)).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(berlin.startsAt(16)).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(berlin.indexOf(Instant.parse("2026-10-25T22:59:59Z"))).isEqualTo(15);
    }

    @Test
    void daysBeforeTheFirstStartBelongToEarlierIterations() {
        assertThat(berlin.indexOf(LocalDate.of(2026, 3, 15))).isEqualTo(-1);
        assertThat(berlin.indexOf(LocalDate.of(2026, 3, 2))).isEqualTo(-1);
        assertThat(berlin.indexOf(LocalDate.of(2026, 3, 1))).isEqualTo(-2);
    }

    @Test
    void countsTheIterationsThatEndByADay() {
        assertThat(berlin.endingBy(0, LocalDate.of(2026, 4, 12))).isEqualTo(1);
        assertThat(berlin.endingBy(0, LocalDate.of(2026, 4, 11))).isZero();
        assertThat(berlin.endingBy(-1, LocalDate.of(2026, 3, 29))).isEqualTo(1);
        assertThat(berlin.endingBy(3, LocalDate.of(2026, 3, 29))).isZero();
    }
}
