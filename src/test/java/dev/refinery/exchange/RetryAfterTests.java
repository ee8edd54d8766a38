package dev.refinery.exchange;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

    static final Instant NOW = Instant.parse("2026-12-04T09:30:00Z");

    @Test
    void readsSecondsFromNowAndNeverBeforeNow() {
        assertThat(RetryAfter.when(" 7 ", NOW)).contains(NOW.plusSeconds(7));
        assertThat(RetryAfter.when("-5", NOW)).contains(NOW);
    }

    @Test
    void readsAnHttpDate() {
        assertThat(RetryAfter.when("Fri, 04 Dec 2026 09:31:30 GMT", NOW)).contains(Instant.parse("2026-12-04T09:31:30Z"));
    }

    @Test
    void saysNothingOfAnythingElse() {
        assertThat(RetryAfter.when("soon", NOW)).isEmpty();
        assertThat(RetryAfter.when("", NOW)).isEmpty();
        assertThat(RetryAfter.when(null, NOW)).isEmpty();
    }
}
