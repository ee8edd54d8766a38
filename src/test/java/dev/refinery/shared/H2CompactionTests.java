package dev.refinery.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.refinery.RefineryApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** The H2 file gives back the space of what was deleted when the application stops. */
class H2CompactionTests {

    static final String FILE_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @TempDir
    Path data;

    @Test
    void theFileShrinksToWhatIsLeftWhenTheApplicationStops() throws Exception {
        var grown = grownThenDeleted();
        var compacted = Files.size(data.resolve("refinery.mv.db"));

        assertThat(grown).as("the file while running, after 12 MB were written and deleted").isGreaterThan(4_000_000);
        // without SHUTDOWN COMPACT the file kept its 8 MB after the stop (H2 2.4.240; 2.5.252 once 4 MB, once 235 MB)
        assertThat(compacted).as("the file after the application stopped").isLessThan(1_000_000);
        assertThat(teams()).as("what was not deleted is still there").isEqualTo(1);
        assertThat(data.resolve("refinery.trace.db")).as("H2's file of errors").doesNotExist();
    }

    /** Starts the application on a file, writes 12 MB of imports, deletes them, stops it; the file's size before it stopped. */
    private long grownThenDeleted() throws IOException {
        long grown;
        try (var app = start()) {
            var jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            jdbc.sql("INSERT INTO identity_team (team_key, name, created_at) VALUES ('KEPT', 'Kept', CURRENT_TIMESTAMP)").update();
            var file = "x".repeat(1_000_000);
            for (var job = 0; job < 12; job++) {
                jdbc.sql("""
                        INSERT INTO exchange_import_job (team_id, format, file_name, content, valid_rows_only, status,
                            created_by, created_at, updated_at)
                        VALUES (1, 'csv', 'big.csv', :content || :job, FALSE, 'done', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                        """)
                    .param("content", file).param("job", job).update();
            }
            jdbc.sql("DELETE FROM exchange_import_job").update();
            jdbc.sql("CHECKPOINT").update();
            grown = Files.size(data.resolve("refinery.mv.db"));
        }
        return grown;
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RefineryApplication.class).profiles("test").run(
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("refinery") + FILE_OPTIONS,
                "--server.port=0", "--refinery.cleanup.cron=-");
    }

    private long teams() throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("refinery") + FILE_OPTIONS, "sa", "");
                var result = connection.createStatement().executeQuery("SELECT count(*) FROM identity_team WHERE team_key = 'KEPT'")) {
            result.next();
            return result.getLong(1);
        }
    }
}
