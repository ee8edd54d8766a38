package dev.refinery.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.refinery.shared.Sweep;

/**
 * Ends the imports whose node stopped while they ran: a job writes its progress at least once per batch of items, so
 * one queued, checking or importing that has not moved for {@code refinery.cleanup.import-stalled-after} has no node
 * left to finish it. Its transaction was rolled back with the node, so it is marked failed, with nothing saved, instead
 * of showing "importing" for ever; it is then removed with the other ended jobs.
 */
@Component
class StalledImportSweep implements Sweep {

    static final String MESSAGE = "The server running this import stopped: nothing was imported. Try again.";

    private final JdbcClient jdbc;
    private final Duration stalledAfter;

    StalledImportSweep(JdbcClient jdbc, @Value("${refinery.cleanup.import-stalled-after}") Duration stalledAfter) {
        this.jdbc = jdbc;
        this.stalledAfter = stalledAfter;
    }

    @Override
    public String kind() {
        return "stalled-imports";
    }

    @Override
    public long sweep(Instant now) {
        return jdbc.sql("""
                UPDATE exchange_import_job SET status = 'failed', message = :message, content = '', updated_at = :now
                WHERE status IN ('queued', 'checking', 'importing') AND updated_at < :before
                """)
            .param("message", MESSAGE)
            .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .param("before", OffsetDateTime.ofInstant(now.minus(stalledAfter), ZoneOffset.UTC))
            .update();
    }
}
