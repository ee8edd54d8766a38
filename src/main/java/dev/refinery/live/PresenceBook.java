package dev.refinery.live;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Presence shared by all nodes, in the database: each node writes who it serves in which room, keeps its
 * rows fresh at every heartbeat, and reads everybody's. Rows of a node that stopped without a word expire.
 */
final class PresenceBook {

    static final Duration EXPIRY = Duration.ofSeconds(45);

    private static final Logger log = LoggerFactory.getLogger(PresenceBook.class);

    private final JdbcClient jdbc;
    private final String node;
    private final Clock clock;

    PresenceBook(JdbcClient jdbc, String node, Clock clock) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
    }

    void enter(String room, long account, String name) {
        leave(room, account);
        jdbc.sql("""
                INSERT INTO live_presence (room, node, account_id, name, seen_at)
                VALUES (:room, :node, :account, :name, :now)
                """)
            .param("room", room).param("node", node).param("account", account).param("name", name)
            .param("now", now())
            .update();
    }

    void leave(String room, long account) {
        jdbc.sql("DELETE FROM live_presence WHERE room = :room AND node = :node AND account_id = :account")
            .param("room", room).param("node", node).param("account", account).update();
    }

    /** Everybody present in a room on any node, by account, with their names. */
    Map<Long, String> present(String room) {
        var present = new LinkedHashMap<Long, String>();
        jdbc.sql("""
                SELECT account_id, name FROM live_presence
                WHERE room = :room AND seen_at > :since
                ORDER BY name
                """)
            .param("room", room).param("since", OffsetDateTime.ofInstant(clock.instant().minus(EXPIRY), ZoneOffset.UTC))
            .query(rs -> {
                present.putIfAbsent(rs.getLong("account_id"), rs.getString("name"));
            });
        return present;
    }

    /**
     * This node is alive: one statement for all its rows. A failure (the database ended the connection, or restarts)
     * is one line in the log: the next beat tries again, and until then the rows stay counted for {@link #EXPIRY}.
     */
    void heartbeat() {
        try {
            jdbc.sql("UPDATE live_presence SET seen_at = :now WHERE node = :node").param("now", now()).param("node", node).update();
        }
        catch (DataAccessException failed) {
            log.warn("Presence heartbeat failed, the next one tries again: {}", failed.getMostSpecificCause().toString());
        }
    }

    void forgetThisNode() {
        jdbc.sql("DELETE FROM live_presence WHERE node = :node").param("node", node).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
