package dev.refinery.meeting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacingTests {

    static final Instant TEN = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void addsTheOverrunOfReviewedItemsAndOfTheCurrentOne() {
        var lines = List.of(line(1, 2, 300, true), line(2, 2, 0, true), line(3, 5, 0, false));

        var pacing = Pacing.of(lines, 1, TEN, TEN.plusSeconds(180));

        assertThat(pacing.overSeconds()).as("3 min over on the first, 1 on the current").isEqualTo(240);
        assertThat(pacing.describe(ZoneOffset.UTC)).isEqualTo("2 of 3 · 4 min over · projected end 10:08");
    }

    @Test
    void saysWhenTheMeetingRunsAheadOrOnTime() {
        var ahead = Pacing.of(List.of(line(1, 5, 60, true), line(2, 2, 0, true)), 1, TEN, TEN.plusSeconds(30));
        var onTime = Pacing.of(List.of(line(1, 2, 0, true), line(2, 2, 0, false)), 0, TEN, TEN.plusSeconds(60));

        assertThat(ahead.describe(ZoneOffset.UTC)).isEqualTo("2 of 2 · 4 min ahead · projected end 10:02");
        assertThat(onTime.describe(ZoneOffset.UTC)).isEqualTo("1 of 2 · on time · projected end 10:04");
    }

    @Test
    void countsTimeAlreadySpentOnAnItemThatTheMeetingCameBackTo() {
        var pacing = Pacing.of(List.of(line(1, 2, 100, true), line(2, 2, 0, false)), 0, TEN, TEN.plusSeconds(50));

        assertThat(pacing.itemStartedAt()).isEqualTo(TEN.minusSeconds(100));
        assertThat(pacing.overSeconds()).isEqualTo(30);
        assertThat(pacing.describe(ZoneOffset.UTC)).startsWith("1 of 2 · on time");
    }

    static AgendaLine line(int position, int minutes, int spent, boolean reviewed) {
        return new AgendaLine(position, null, minutes, null, spent, reviewed, null, null, null);
    }
}
