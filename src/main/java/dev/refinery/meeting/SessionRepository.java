package dev.refinery.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SessionRepository {

    record Entry(long itemId, int itemNumber, int position, int timeBoxMinutes) {
    }

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long team, String teamKey, String title, String workstream, String goal, Instant startsAt, int minutes,
            long facilitator, String facilitatorName) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO meeting_session (team_id, team_key, title, workstream, goal, starts_at, duration_minutes,
                    facilitator_id, facilitator_name, state)
                VALUES (:team, :teamKey, :title, :workstream, :goal, :startsAt, :minutes, :facilitator, :facilitatorName, 'planned')
                """)
            .param("team", team).param("teamKey", teamKey).param("title", title)
            .param("workstream", workstream, java.sql.Types.VARCHAR).param("goal", goal)
            .param("startsAt", OffsetDateTime.ofInstant(startsAt, ZoneOffset.UTC)).param("minutes", minutes)
            .param("facilitator", facilitator).param("facilitatorName", facilitatorName)
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<RefinementSession> of(long team) {
        return jdbc.sql(SELECT + " WHERE team_id = :team ORDER BY starts_at DESC, id DESC")
            .param("team", team).query(this::session).list();
    }

    Optional<RefinementSession> find(long team, long id) {
        return jdbc.sql(SELECT + " WHERE team_id = :team AND id = :id")
            .param("team", team).param("id", id).query(this::session).optional();
    }

    List<Entry> agenda(long session) {
        return jdbc.sql("""
                SELECT item_id, item_number, position, time_box_minutes FROM meeting_agenda_item
                WHERE session_id = :session ORDER BY position
                """)
            .param("session", session)
            .query((rs, row) -> new Entry(rs.getLong("item_id"), rs.getInt("item_number"), rs.getInt("position"),
                    rs.getInt("time_box_minutes")))
            .list();
    }

    /** Replaces the agenda with these entries, in their order. */
    void agenda(long session, List<Entry> entries) {
        jdbc.sql("DELETE FROM meeting_agenda_item WHERE session_id = :session").param("session", session).update();
        for (int i = 0; i < entries.size(); i++) {
            jdbc.sql("""
                    INSERT INTO meeting_agenda_item (session_id, item_id, item_number, position, time_box_minutes)
                    VALUES (:session, :itemId, :item, :position, :minutes)
                    """)
                .param("session", session).param("itemId", entries.get(i).itemId()).param("item", entries.get(i).itemNumber()).param("position", i)
                .param("minutes", entries.get(i).timeBoxMinutes())
                .update();
        }
        jdbc.sql("UPDATE meeting_session SET version = version + 1 WHERE id = :session").param("session", session).update();
    }

    private static final String SELECT = """
            SELECT id, team_key, title, workstream, goal, starts_at, duration_minutes, facilitator_id, facilitator_name,
                state, version
            FROM meeting_session
            """;

    private RefinementSession session(ResultSet rs, int row) throws SQLException {
        return new RefinementSession(rs.getLong("id"), rs.getString("team_key"), rs.getString("title"),
                rs.getString("workstream"), rs.getString("goal"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getInt("duration_minutes"), rs.getLong("facilitator_id"), rs.getString("facilitator_name"),
                SessionState.valueOf(rs.getString("state").toUpperCase()), rs.getInt("version"));
    }
}
