package dev.refinery.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.refinery.shared.Sweep;

/**
 * Removes guest links revoked, or of sessions closed, more than {@code refinery.cleanup.guest-links-kept} ago: they
 * open nothing any more. Links of planned and live sessions stay until revoked.
 */
@Component
class GuestLinkSweep implements Sweep {

    private final JdbcClient jdbc;
    private final Duration kept;

    GuestLinkSweep(JdbcClient jdbc, @Value("${refinery.cleanup.guest-links-kept}") Duration kept) {
        this.jdbc = jdbc;
        this.kept = kept;
    }

    @Override
    public String kind() {
        return "guest-links";
    }

    @Override
    public long sweep(Instant now) {
        return jdbc.sql("""
                DELETE FROM meeting_guest_link
                WHERE revoked_at < :before
                   OR EXISTS (SELECT 1 FROM meeting_session s
                              WHERE s.id = session_id AND s.state = 'closed' AND s.closed_at < :before)
                """)
            .param("before", OffsetDateTime.ofInstant(now.minus(kept), ZoneOffset.UTC))
            .update();
    }
}
