package dev.refinery;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.refinery.identity.NewAccount;
import dev.refinery.shared.OnPostgres;
import dev.refinery.shared.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

@OnPostgres
class SoakOnPostgresTests extends SoakTests {

    @Override
    String sessionIdQuery() {
        return "SELECT pg_backend_pid()";
    }

    /** As when PostgreSQL restarts or a network device drops idle connections: every connection of the app is ended. */
    @Test
    void writesAgainAfterPostgresEndedAllItsConnections() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var fay = accounts.open(new NewAccount("fay-" + suffix + "@refinery.test", "Fay", PASSWORD)).email();
        var ben = accounts.open(new NewAccount("ben-" + suffix + "@refinery.test", "Ben", PASSWORD)).email();
        String application;
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT current_setting('application_name')")) {
            result.next();
            application = result.getString(1);
        }
        assertThat(listeners(application)).as("the live event bus listens").isEqualTo(1);

        assertThat(terminate(application)).as("the pool's connections and the event bus's").isGreaterThanOrEqualTo(2);
        // Hikari checks a connection before lending it only when it has been idle for more than half a second
        Thread.sleep(600);

        refine("RE" + suffix.substring(0, 3).toUpperCase().replaceAll("[^A-Z]", "X"), fay, ben);
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (listeners(application) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(listeners(application)).as("the live event bus listens again").isEqualTo(1);
    }

    static int terminate(String application) throws Exception {
        try (var connection = TestDatabases.postgres(); var statement = connection.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, application);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    static int listeners(String application) throws Exception {
        try (var connection = TestDatabases.postgres(); var statement = connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND query LIKE 'LISTEN%'")) {
            statement.setString(1, application);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
