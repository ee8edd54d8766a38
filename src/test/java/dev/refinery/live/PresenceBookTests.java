package dev.refinery.live;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.refinery.shared.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** Presence in the database survives the database ending a connection under a heartbeat. */
@ExtendWith(OutputCaptureExtension.class)
class PresenceBookTests {

    @Test
    void aHeartbeatOnAConnectionTheDatabaseEndedIsOneWarningAndTheNextBeatGoesOn(CapturedOutput output) {
        var database = new EndingConnections();
        Flyway.configure().dataSource(database).load().migrate();
        var clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));
        var book = new PresenceBook(JdbcClient.create(database), "node-a", clock);
        book.enter("team:PAY", 1, "Ana");

        database.endNext();
        clock.move(Duration.ofSeconds(30));
        book.heartbeat();
        clock.move(Duration.ofSeconds(30));
        book.heartbeat();

        assertThat(book.present("team:PAY")).as("seen by the second beat, a minute after she came").containsValue("Ana");
        assertThat(output.getOut().lines().filter(line -> line.contains("Presence heartbeat failed")))
            .singleElement().asString().contains("WARN").contains("the next one tries again");
        assertThat(output).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    /** An in-memory H2 database whose next connection fails as one that PostgreSQL ended does. */
    static final class EndingConnections implements DataSource {

        private final JdbcDataSource h2 = new JdbcDataSource();
        private volatile boolean endNext;

        EndingConnections() {
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
        }

        void endNext() {
            endNext = true;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (endNext) {
                endNext = false;
                throw new SQLTransientConnectionException("FATAL: terminating connection due to administrator command", "57P01");
            }
            return h2.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("Not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
