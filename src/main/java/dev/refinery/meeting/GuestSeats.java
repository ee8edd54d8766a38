package dev.refinery.meeting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import dev.refinery.shared.MeetingTables;

/**
 * Guests' seats at a meeting: whoever joins by link gets one under the name they gave, for as long as the link is
 * active. Planning poker asks here which meeting shows an item's table now, and which guests vote at it (none when
 * the team keeps guests to watching and asking).
 */
@Component
class GuestSeats implements MeetingTables {

    /** A guest's seat: its id, negated, is the guest's voter id at the table. */
    record Seat(long id, String name) {

        long voter() {
            return -id;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    GuestSeats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Seat seat(String token, String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO meeting_guest (token, name, joined_at) VALUES (:token, :name, :now)")
            .param("token", token).param("name", name).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .update(keys, "id");
        return new Seat(keys.getKeyAs(Number.class).longValue(), name);
    }

    /** The seat, while its link is active. */
    Optional<Seat> active(String token, long id) {
        return jdbc.sql("""
                SELECT g.id, g.name FROM meeting_guest g JOIN meeting_guest_link l ON l.token = g.token
                WHERE g.id = :id AND g.token = :token AND l.revoked_at IS NULL
                """)
            .param("id", id).param("token", token)
            .query((rs, row) -> new Seat(rs.getLong("id"), rs.getString("name")))
            .optional();
    }

    @Override
    public Optional<Table> of(String team, int itemNumber) {
        return jdbc.sql("""
                SELECT s.id, COALESCE(m.guests_vote, TRUE) AS guests_vote
                FROM meeting_session s LEFT JOIN meeting_settings m ON m.team_id = s.team_id
                WHERE s.team_key = :team AND s.state = 'live' AND s.current_number = :item
                ORDER BY s.id
                """)
            .param("team", team).param("item", itemNumber)
            .query((rs, row) -> new Table(SessionRoomEvents.room(team, rs.getLong("id")),
                    rs.getBoolean("guests_vote") ? voters(rs.getLong("id")) : Map.of()))
            .list().stream().findFirst();
    }

    /** The guests of a session's active links, by voter id, in the order they came. */
    private Map<Long, String> voters(long session) {
        var voters = new LinkedHashMap<Long, String>();
        jdbc.sql("""
                SELECT g.id, g.name FROM meeting_guest g JOIN meeting_guest_link l ON l.token = g.token
                WHERE l.session_id = :session AND l.revoked_at IS NULL
                ORDER BY g.id
                """)
            .param("session", session)
            .query((rs, row) -> new Seat(rs.getLong("id"), rs.getString("name")))
            .list()
            .forEach(seat -> voters.put(seat.voter(), seat.name()));
        return voters;
    }
}
