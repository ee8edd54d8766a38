package dev.refinery.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportJobTests {

    private static final Instant STARTED = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void showsAnImportWhoseNodeWentQuietAsFailedWithNothingSaved() {
        var running = job(ImportJob.Status.IMPORTING, 20_000, 50_000);

        assertThat(running.seenAt(STARTED.plusSeconds(60)).status()).isEqualTo(ImportJob.Status.IMPORTING);
        var quiet = running.seenAt(STARTED.plus(ImportJob.SILENT).plusSeconds(1));
        assertThat(quiet.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(quiet.message()).isEqualTo("The node running this import stopped: nothing was imported.");
        assertThat(job(ImportJob.Status.DONE, 50_000, 50_000).seenAt(STARTED.plusSeconds(3600)).status())
            .isEqualTo(ImportJob.Status.DONE);
    }

    @Test
    void countsProgressInRowsAndOffersTheValidRowsOnlyAfterARefusalWithSome() {
        assertThat(job(ImportJob.Status.IMPORTING, 12_500, 50_000).percent()).isEqualTo(25);
        assertThat(job(ImportJob.Status.DONE, 0, 0).percent()).isEqualTo(100);

        var refused = new ImportJob(1, "PAY", ImportFormat.CSV, "items.csv", Map.of(), false, ImportJob.Status.REFUSED, 10, 0,
                0, 0, 3, List.of(new Reading.RowError(4, "Points \"lots\" is not a number.")), "", STARTED, STARTED);
        assertThat(refused.validRows()).isEqualTo(7);
        assertThat(refused.canImportValidRows()).isTrue();
        var unreadable = new ImportJob(1, "PAY", ImportFormat.JIRA_CSV, "x.csv", Map.of(), false, ImportJob.Status.REFUSED, 0,
                0, 0, 0, 0, List.of(), "This is not a Jira CSV export: it has no Summary column.", STARTED, STARTED);
        assertThat(unreadable.canImportValidRows()).isFalse();
    }

    private static ImportJob job(ImportJob.Status status, int saved, int total) {
        return new ImportJob(1, "PAY", ImportFormat.JIRA_CSV, "jira.csv", Map.of(), false, status, total, saved, 0, 0, 0,
                List.of(), "", STARTED, STARTED);
    }
}
