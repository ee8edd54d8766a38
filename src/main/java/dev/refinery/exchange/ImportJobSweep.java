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
 * Removes import jobs that ended (or waited for a mapping that never came) more than
 * {@code refinery.cleanup.import-jobs-kept} ago, with the file each one stored. A queued or running job is never
 * removed, however old.
 */
@Component
class ImportJobSweep implements Sweep {

    private final JdbcClient jdbc;
    private final Duration kept;

    ImportJobSweep(JdbcClient jdbc, @Value("${refinery.cleanup.import-jobs-kept}") Duration kept) {
        this.jdbc = jdbc;
        this.kept = kept;
    }

    @Override
    public String kind() {
        return "import-jobs";
    }

    @Override
    public long sweep(Instant now) {
        return jdbc.sql("""
                DELETE FROM exchange_import_job
                WHERE status IN ('mapping', 'refused', 'done', 'cancelled', 'failed') AND updated_at < :before
                """)
            .param("before", OffsetDateTime.ofInstant(now.minus(kept), ZoneOffset.UTC))
            .update();
    }
}
