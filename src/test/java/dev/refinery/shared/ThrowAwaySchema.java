package dev.refinery.shared;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the context at a new PostgreSQL schema, and drops it with everything in it when the context closes. */
class ThrowAwaySchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        run("CREATE SCHEMA " + schema);
        var separator = TestDatabases.POSTGRES_URL.contains("?") ? "&" : "?";
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("throw-away-schema", Map.of(
                // named after the schema, so that a test finds (and may end) the connections of its own application only
                "spring.datasource.url", TestDatabases.POSTGRES_URL + separator + "currentSchema=" + schema + "&ApplicationName=" + schema,
                "spring.datasource.username", TestDatabases.POSTGRES_USER,
                "spring.datasource.password", TestDatabases.POSTGRES_PASSWORD,
                "spring.flyway.schemas", schema,
                "spring.datasource.hikari.maximum-pool-size", "4")));
        // Registered before any other bean, so destroyed after all of them: the streams that finish while the
        // application stops still find their tables. (A singleton registered as such gets no destroy callback.)
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("throwAwaySchema", () -> drop(schema));
    }

    private static void drop(String schema) {
        try (var connection = TestDatabases.postgres(); var sql = connection.createStatement()) {
            sql.execute("SET lock_timeout = '5s'");
            sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        catch (SQLException failure) {
            System.err.println("[refinery] could not drop the test schema " + schema + ": " + failure.getMessage());
        }
    }

    private static void run(String statement) {
        try (var connection = TestDatabases.postgres(); var sql = connection.createStatement()) {
            sql.execute(statement);
        }
        catch (SQLException failure) {
            throw new IllegalStateException("Could not run '" + statement + "' on " + TestDatabases.POSTGRES_URL, failure);
        }
    }
}
