package dev.refinery.identity;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.refinery.shared.Sweep;

/**
 * Removes HTTP sessions whose expiry passed, with their attributes (deleted by the foreign key). Spring Session's own
 * clean-up is switched off ({@code spring.session.jdbc.cleanup-cron=-}) in favour of this one, which reads the
 * application's clock and is counted like every other clean-up.
 */
@Component
class HttpSessionSweep implements Sweep {

    private final JdbcClient jdbc;

    HttpSessionSweep(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "http-sessions";
    }

    @Override
    public long sweep(Instant now) {
        return jdbc.sql("DELETE FROM identity_http_session WHERE expiry_time < :now")
            .param("now", now.toEpochMilli())
            .update();
    }
}
