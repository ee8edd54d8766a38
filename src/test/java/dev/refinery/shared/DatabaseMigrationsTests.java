package dev.refinery.shared;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.refinery.RefineryApplication;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewAccount;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.Teams;

import static dev.refinery.shared.DatabaseMigrations.Outcome.MIGRATED_BY_FLYWAY;
import static dev.refinery.shared.DatabaseMigrations.Outcome.UP_TO_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start on a database that holds every packaged migration leaves Flyway out; a new database, an upgrade and a
 * migration changed after it ran still go through Flyway, which migrates or refuses to start.
 */
class DatabaseMigrationsTests {

    @TempDir
    Path data;

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void onH2FlywayMigratesANewFileAnUpgradeAndIsLeftOutOnceTheHistoryIsComplete() {
        var url = "jdbc:h2:file:" + data.resolve("refinery") + H2CompactionTests.FILE_OPTIONS;
        var newest = newest();

        var first = start(url);
        assertThat(outcome(first)).as("a new database").isEqualTo(MIGRATED_BY_FLYWAY);
        stop(first);

        var second = start(url);
        assertThat(outcome(second)).as("the same database at the next start").isEqualTo(UP_TO_DATE);
        // a team and its first member: the member's role is under a CHECK constraint the migrations created
        writes(second, "one");
        stop(second);

        var older = "jdbc:h2:file:" + data.resolve("older") + H2CompactionTests.FILE_OPTIONS;
        Flyway.configure().dataSource(older, "sa", "").target(previous()).load().migrate();
        var upgraded = start(older);
        assertThat(outcome(upgraded)).as("a database one migration behind the jar").isEqualTo(MIGRATED_BY_FLYWAY);
        assertThat(versions(upgraded)).as("the versions in its history").endsWith(newest);
        writes(upgraded, "two");
        stop(upgraded);
        assertThat(outcome(start(older))).as("the upgraded database at the next start").isEqualTo(UP_TO_DATE);
    }

    @Test
    void onH2AMigrationChangedAfterItRanStopsTheStartWithFlywaysReason() {
        var url = "jdbc:h2:file:" + data.resolve("refinery") + H2CompactionTests.FILE_OPTIONS;
        stop(start(url));
        JdbcClient.create(new DriverManagerDataSource(url, "sa", ""))
            .sql("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '001'").update();

        assertThatThrownBy(() -> start(url)).hasStackTraceContaining("checksum mismatch for migration version 001");
    }

    @Test
    @ExtendWith(PostgresAvailable.class)
    void onPostgresInItsOwnSchemaFlywayMigratesOnceAndTheNextStartOnlyReadsTheHistory() throws SQLException {
        var schema = TestDatabases.newSchema();
        try {
            var url = TestDatabases.POSTGRES_URL + (TestDatabases.POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            String[] database = { "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                    "--spring.datasource.password=" + TestDatabases.POSTGRES_PASSWORD, "--spring.flyway.schemas=" + schema };
            var first = start(url, database);
            assertThat(outcome(first)).isEqualTo(MIGRATED_BY_FLYWAY);
            stop(first);

            var second = start(url, database);
            assertThat(outcome(second)).isEqualTo(UP_TO_DATE);
            assertThat(versions(second)).endsWith(newest());
            writes(second, "three");
            stop(second);
        }
        finally {
            TestDatabases.drop(schema);
        }
    }

    private ConfigurableApplicationContext start(String url, String... more) {
        var arguments = Stream.concat(Stream.of("--spring.datasource.url=" + url, "--server.port=0",
                "--spring.main.banner-mode=off", "--refinery.cleanup.cron=-"), Stream.of(more)).toArray(String[]::new);
        var context = new SpringApplicationBuilder(RefineryApplication.class).profiles("test").run(arguments);
        started.add(context);
        return context;
    }

    private void stop(ConfigurableApplicationContext context) {
        context.close();
        started.remove(context);
    }

    private static DatabaseMigrations.Outcome outcome(ConfigurableApplicationContext context) {
        return context.getBean(DatabaseMigrations.class).outcome();
    }

    private static void writes(ConfigurableApplicationContext context, String name) {
        var accounts = context.getBean(Accounts.class);
        var lead = accounts.openFirstAdministrator(new NewAccount(name + "@refinery.test", "Lead " + name, "plum kettle orbit 4491"));
        context.getBean(Teams.class).create(new NewTeam("Team " + name, name.toUpperCase()), lead.id());
        assertThat(JdbcClient.create(context.getBean(javax.sql.DataSource.class))
            .sql("SELECT count(*) FROM identity_membership").query(Long.class).single()).as("members written").isEqualTo(1);
    }

    private static List<String> versions(ConfigurableApplicationContext context) {
        return JdbcClient.create(context.getBean(javax.sql.DataSource.class))
            .sql("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank").query(String.class).list();
    }

    /** The packaged migrations' versions, as Flyway finds them pending on an empty database, oldest first. */
    private static List<String> packaged() {
        return Stream.of(Flyway.configure().dataSource("jdbc:h2:mem:", "sa", "").load().info().all())
            .map(migration -> migration.getVersion().toString()).toList();
    }

    private static String newest() {
        return packaged().getLast();
    }

    private static String previous() {
        var versions = packaged();
        return versions.get(versions.size() - 2);
    }
}
