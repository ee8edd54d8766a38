package dev.refinery.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * On H2, Flyway migrates through a connection of its own that stays open as long as the application, never through
 * one of the pool's.
 * <p>
 * H2 2.4 ties every {@code CHECK (x IN (...))} constraint it creates to the session that ran the DDL
 * (h2database#4302): once that session is closed, every insert into the table fails with "Check constraint invalid
 * ... The database has been closed". A pooled connection is closed whenever the pool renews it (after 30 minutes by
 * default), so migrating through one killed every write half an hour after the first start or an upgrade. The
 * constraints H2 reads when it opens the file belong to its own system session and are not affected. (H2 2.5 fixes
 * the constraints but fails reads of a table while a long transaction, such as a large import, writes to the file.)
 */
@Component
class H2MigrationConnection implements FlywayConfigurationCustomizer, DisposableBean {

    private final JdbcConnectionDetails database;
    private Connection connection;

    H2MigrationConnection(JdbcConnectionDetails database) {
        this.database = database;
    }

    @Override
    public synchronized void customize(FluentConfiguration configuration) {
        if (!database.getJdbcUrl().startsWith("jdbc:h2:")) {
            return;
        }
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(), database.getPassword());
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot open the H2 database " + database.getJdbcUrl() + " to migrate it", e);
        }
        configuration.dataSource(new SingleConnectionDataSource(connection, true));
    }

    @Override
    public synchronized void destroy() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
