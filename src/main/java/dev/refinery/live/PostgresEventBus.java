package dev.refinery.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event bus between nodes on one PostgreSQL: NOTIFY on a channel with the sending node and the room's
 * name, and on every node a thread that LISTENs on its own connection. A node that loses that connection
 * reconnects and refreshes all its rooms, since it may have missed changes meanwhile.
 */
final class PostgresEventBus implements EventBus, AutoCloseable {

    static final String CHANNEL = "refinery_live";
    private static final Logger log = LoggerFactory.getLogger(PostgresEventBus.class);

    private final String node = UUID.randomUUID().toString();
    private final JdbcClient jdbc;
    private final String url;
    private final String user;
    private final String password;
    private final Consumer<String> refresh;
    private final Runnable refreshAll;
    private final Thread listener;
    private volatile boolean running = true;
    private volatile Connection connection;

    PostgresEventBus(JdbcClient jdbc, String url, String user, String password, Consumer<String> refresh,
            Runnable refreshAll) {
        this.jdbc = jdbc;
        this.url = url;
        this.user = user;
        this.password = password;
        this.refresh = refresh;
        this.refreshAll = refreshAll;
        this.listener = Thread.ofPlatform().daemon().name("refinery-live-listener").unstarted(this::listen);
    }

    void start() {
        listener.start();
    }

    /** In the caller's transaction, which delivers it when it commits; at once when there is none. */
    @Override
    public void changed(String room) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)")
            .param("channel", CHANNEL)
            .param("payload", node + "|" + room)
            .query(String.class)
            .optional();
    }

    @Override
    public boolean spansNodes() {
        return true;
    }

    private void listen() {
        var first = true;
        while (running) {
            try (var listening = DriverManager.getConnection(url, user, password)) {
                connection = listening;
                try (var statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    log.info("Listening to {} again: bringing every room up to date", CHANNEL);
                    refreshAll.run();
                }
                first = false;
                var notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    var received = notifications.getNotifications(5_000);
                    if (received == null) {
                        continue;
                    }
                    for (var notification : received) {
                        var payload = notification.getParameter();
                        var separator = payload.indexOf('|');
                        if (separator > 0 && !payload.substring(0, separator).equals(node)) {
                            refreshQuietly(payload.substring(separator + 1));
                        }
                    }
                }
            }
            catch (SQLException lost) {
                if (running) {
                    log.warn("Lost the {} listener connection ({}); reconnecting", CHANNEL, lost.getMessage());
                    pause();
                }
            }
        }
    }

    private void refreshQuietly(String room) {
        try {
            refresh.accept(room);
        }
        catch (RuntimeException failed) {
            log.warn("The live room {} could not be refreshed", room, failed);
        }
    }

    /** Breaks the listening connection, as a network failure would (for tests of the reconnect). */
    void dropConnection() throws SQLException {
        var current = connection;
        if (current != null) {
            current.close();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        }
        catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        try {
            dropConnection();
        }
        catch (SQLException ignored) {
            // closing anyway
        }
    }
}
