package dev.refinery.live;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.refinery.shared.Sweep;

/**
 * Removes presence rows not refreshed for {@code refinery.cleanup.presence-after}: those of a node that died, or of a
 * stream whose leaving was never written. A node alive refreshes its rows at every heartbeat, so they stay.
 */
@Component
class PresenceSweep implements Sweep {

    private final JdbcClient jdbc;
    private final Duration after;

    PresenceSweep(JdbcClient jdbc, @Value("${refinery.cleanup.presence-after}") Duration after) {
        if (after.compareTo(PresenceBook.EXPIRY) < 0) {
            throw new IllegalArgumentException("refinery.cleanup.presence-after must be at least " + PresenceBook.EXPIRY
                    + ": rows still counted as present would be removed");
        }
        this.jdbc = jdbc;
        this.after = after;
    }

    @Override
    public String kind() {
        return "presence";
    }

    @Override
    public long sweep(Instant now) {
        return jdbc.sql("DELETE FROM live_presence WHERE seen_at < :before")
            .param("before", OffsetDateTime.ofInstant(now.minus(after), ZoneOffset.UTC))
            .update();
    }
}
