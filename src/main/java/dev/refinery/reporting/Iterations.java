package dev.refinery.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * A team's iterations, derived from the start of one of them and their length: iteration 0 starts on
 * {@code firstStart}, each lasts whole days of the team's time zone, so a daylight saving change never moves a
 * boundary. Instants belong to the iteration of their calendar day in that zone.
 */
public record Iterations(int lengthWeeks, LocalDate firstStart, ZoneId zone, int version) {

    public static final int DEFAULT_WEEKS = 2;

    public Iterations {
        if (lengthWeeks < 1 || lengthWeeks > 4) {
            throw new IllegalArgumentException("An iteration lasts 1 to 4 weeks.");
        }
    }

    /** Two weeks from a Monday, in UTC, until the team says otherwise. */
    static Iterations standard() {
        return new Iterations(DEFAULT_WEEKS, LocalDate.of(2024, 1, 1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                ZoneId.of("UTC"), 0);
    }

    int lengthDays() {
        return lengthWeeks * 7;
    }

    /** The iteration this instant falls in (negative before the first start). */
    public int indexOf(Instant at) {
        return indexOf(at.atZone(zone).toLocalDate());
    }

    public int indexOf(LocalDate day) {
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(firstStart, day), lengthDays());
    }

    public LocalDate start(int index) {
        return firstStart.plusDays((long) index * lengthDays());
    }

    /** The last day of an iteration, the day by which what it delivers is done. */
    public LocalDate lastDay(int index) {
        return start(index + 1).minusDays(1);
    }

    /** When an iteration begins, in the team's zone. */
    public Instant startsAt(int index) {
        return start(index).atStartOfDay(zone).toInstant();
    }

    /** How many whole iterations after {@code current} end on or before {@code day}. */
    int endingBy(int current, LocalDate day) {
        var last = indexOf(day.plusDays(1)) - 1;
        return Math.max(0, last - current);
    }
}
