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
class RefinementSessionRepository {

    record Entry(long itemId, int itemNumber, int position, int timeBoxMinutes, int spentSeconds, boolean reviewed,
            Outcome outcome, String outcomeNote, Integer queueBefore) {

        Entry(long itemId, int itemNumber, int position, int timeBoxMinutes) {
            this(itemId, itemNumber, position, timeBoxMinutes, 0, false, null, null, null);
        }
    }

    private final JdbcClient jdbc;

    RefinementSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long team, String teamKey, String title, String workstream, String goal, Instant startsAt, int minutes,
            int questionPause, long facilitator, String facilitatorName) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO meeting_session (team_id, team_key, title, workstream, goal, starts_at, duration_minutes,
                    question_pause, facilitator_id, facilitator_name, state)
                VALUES (:team, :teamKey, :title, :workstream, :goal, :startsAt, :minutes, :pause, :facilitator,
                    :facilitatorName, 'planned')
                """)
            .param("team", team).param("teamKey", teamKey).param("title", title)
            .param("workstream", workstream, java.sql.Types.VARCHAR).param("goal", goal)
            .param("startsAt", OffsetDateTime.ofInstant(startsAt, ZoneOffset.UTC)).param("minutes", minutes)
            .param("pause", questionPause)
            .param("facilitator", facilitator).param("facilitatorName", facilitatorName)
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A session by its id alone, for what comes from a live room's name (the caller checks who asks). */
    Optional<RefinementSession> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::session).optional();
    }

    List<RefinementSession> live(long team) {
        return jdbc.sql(SELECT + " WHERE team_id = :team AND state = 'live'").param("team", team).query(this::session).list();
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
                SELECT item_id, item_number, position, time_box_minutes, spent_seconds, reviewed, outcome, outcome_note,
                    queue_before
                FROM meeting_agenda_item
                WHERE session_id = :session ORDER BY position
                """)
            .param("session", session)
            .query((rs, row) -> new Entry(rs.getLong("item_id"), rs.getInt("item_number"), rs.getInt("position"),
                    rs.getInt("time_box_minutes"), rs.getInt("spent_seconds"), rs.getBoolean("reviewed"),
                    rs.getString("outcome") == null ? null : Outcome.of(rs.getString("outcome")).orElseThrow(),
                    rs.getString("outcome_note"), rs.getObject("queue_before", Integer.class)))
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

    /** Starts the session on its first item; the queue positions of the agenda are kept to show what moved. */
    boolean start(long session, int firstNumber, Instant now, java.util.Map<Integer, Integer> queuePositions) {
        var started = jdbc.sql("""
                UPDATE meeting_session
                SET state = 'live', started_at = :now, current_number = :first, item_since = :now, phase = 'walk-through',
                    phase_since = :now,
                    version = version + 1
                WHERE id = :session AND state = 'planned'
                """)
            .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("first", firstNumber).param("session", session)
            .update() == 1;
        if (started) {
            queuePositions.forEach((number, position) -> jdbc.sql("""
                    UPDATE meeting_agenda_item SET queue_before = :position WHERE session_id = :session AND item_number = :item
                    """).param("position", position).param("session", session).param("item", number).update());
            markReviewed(session, firstNumber);
        }
        return started;
    }

    /** Moves to another item: the time on the one left is added to it. */
    void move(long session, int from, long secondsOnFrom, int to, Instant now) {
        jdbc.sql("""
                UPDATE meeting_agenda_item SET spent_seconds = spent_seconds + :seconds
                WHERE session_id = :session AND item_number = :item
                """).param("seconds", secondsOnFrom).param("session", session).param("item", from).update();
        jdbc.sql("""
                UPDATE meeting_session
                SET current_number = :to, item_since = :now, phase = 'walk-through', phase_since = :now, version = version + 1
                WHERE id = :session
                """).param("to", to).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("session", session).update();
        markReviewed(session, to);
    }

    void phase(long session, Phase phase, Instant now) {
        jdbc.sql("UPDATE meeting_session SET phase = :phase, phase_since = :now, version = version + 1 WHERE id = :session")
            .param("phase", phase.code()).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("session", session)
            .update();
    }

    private void markReviewed(long session, int item) {
        jdbc.sql("UPDATE meeting_agenda_item SET reviewed = TRUE WHERE session_id = :session AND item_number = :item")
            .param("session", session).param("item", item).update();
    }

    void outcome(long session, int item, Outcome outcome, String note) {
        jdbc.sql("""
                UPDATE meeting_agenda_item SET outcome = :outcome, outcome_note = :note
                WHERE session_id = :session AND item_number = :item
                """)
            .param("outcome", outcome.code()).param("note", note, java.sql.Types.VARCHAR)
            .param("session", session).param("item", item).update();
    }

    boolean close(long session, long secondsOnCurrent, Integer current, String note, Instant now) {
        if (current != null) {
            jdbc.sql("""
                    UPDATE meeting_agenda_item SET spent_seconds = spent_seconds + :seconds
                    WHERE session_id = :session AND item_number = :item
                    """).param("seconds", secondsOnCurrent).param("session", session).param("item", current).update();
        }
        return jdbc.sql("""
                UPDATE meeting_session SET state = 'closed', closed_at = :now, close_note = :note, version = version + 1
                WHERE id = :session AND state = 'live'
                """)
            .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("note", note, java.sql.Types.VARCHAR)
            .param("session", session).update() == 1;
    }

    /** The next planned session of the team in this workstream after this one, if any. */
    Optional<RefinementSession> nextPlanned(long team, String workstream, long after) {
        return jdbc.sql(SELECT + """
                 WHERE team_id = :team AND state = 'planned' AND id <> :after
                   AND ((:workstream IS NULL AND workstream IS NULL) OR workstream = :workstream)
                 ORDER BY starts_at, id
                """)
            .param("team", team).param("after", after).param("workstream", workstream, java.sql.Types.VARCHAR)
            .query(this::session).list().stream().findFirst();
    }

    long ask(long session, int item, String author, String question, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO meeting_question (session_id, item_number, author, question, asked_at)
                VALUES (:session, :item, :author, :question, :now)
                """)
            .param("session", session).param("item", item).param("author", author).param("question", question)
            .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean answer(long session, long question, String answer, String foldedAs, Instant now) {
        return jdbc.sql("""
                UPDATE meeting_question SET answer = :answer, folded_as = :folded, answered_at = :now
                WHERE id = :question AND session_id = :session AND answer IS NULL
                """)
            .param("answer", answer).param("folded", foldedAs).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .param("question", question).param("session", session).update() == 1;
    }

    List<Question> questions(long session) {
        return jdbc.sql("""
                SELECT id, item_number, author, question, asked_at, answer, folded_as
                FROM meeting_question WHERE session_id = :session ORDER BY asked_at, id
                """)
            .param("session", session)
            .query((rs, row) -> new Question(rs.getLong("id"), rs.getInt("item_number"), rs.getString("author"),
                    rs.getString("question"), rs.getObject("asked_at", OffsetDateTime.class).toInstant(), rs.getString("answer"),
                    rs.getString("folded_as")))
            .list();
    }

    void link(long session, String token, Instant now) {
        jdbc.sql("INSERT INTO meeting_guest_link (token, session_id, created_at) VALUES (:token, :session, :now)")
            .param("token", token).param("session", session).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    }

    Optional<String> activeLink(long session) {
        return jdbc.sql("""
                SELECT token FROM meeting_guest_link WHERE session_id = :session AND revoked_at IS NULL ORDER BY created_at DESC
                """).param("session", session).query(String.class).list().stream().findFirst();
    }

    int revokeLinks(long session, Instant now) {
        return jdbc.sql("UPDATE meeting_guest_link SET revoked_at = :now WHERE session_id = :session AND revoked_at IS NULL")
            .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("session", session).update();
    }

    /** The session an active guest link opens, with its team's key. */
    Optional<RefinementSession> byLink(String token) {
        return jdbc.sql(SELECT + """
                 WHERE id = (SELECT session_id FROM meeting_guest_link WHERE token = :token AND revoked_at IS NULL)
                """).param("token", token).query(this::session).optional();
    }

    MeetingDefaults defaults(long team) {
        return jdbc.sql("SELECT time_box_minutes, question_pause, guests_vote FROM meeting_settings WHERE team_id = :team")
            .param("team", team)
            .query((rs, row) -> new MeetingDefaults(rs.getInt("time_box_minutes"), rs.getInt("question_pause"),
                    rs.getBoolean("guests_vote")))
            .optional()
            .orElse(MeetingDefaults.STANDARD);
    }

    void defaults(long team, MeetingDefaults defaults) {
        var updated = jdbc.sql("""
                UPDATE meeting_settings SET time_box_minutes = :box, question_pause = :pause, guests_vote = :guests
                WHERE team_id = :team
                """)
            .param("box", defaults.timeBoxMinutes()).param("pause", defaults.questionPauseSeconds())
            .param("guests", defaults.guestsVote()).param("team", team).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO meeting_settings (team_id, time_box_minutes, question_pause, guests_vote)
                    VALUES (:team, :box, :pause, :guests)
                    """)
                .param("team", team).param("box", defaults.timeBoxMinutes()).param("pause", defaults.questionPauseSeconds())
                .param("guests", defaults.guestsVote()).update();
        }
    }

    void attend(long session, long account, String name) {
        var known = jdbc.sql("SELECT COUNT(*) FROM meeting_attendee WHERE session_id = :session AND account_id = :account")
            .param("session", session).param("account", account).query(Long.class).single() > 0;
        if (!known) {
            try {
                jdbc.sql("INSERT INTO meeting_attendee (session_id, account_id, name) VALUES (:session, :account, :name)")
                    .param("session", session).param("account", account).param("name", name).update();
            }
            catch (org.springframework.dao.DuplicateKeyException raced) {
                // the same person in two tabs at once: already there
            }
        }
    }

    List<String> attendees(long session) {
        return jdbc.sql("SELECT name FROM meeting_attendee WHERE session_id = :session ORDER BY name")
            .param("session", session).query(String.class).list();
    }

    /** Rewrites the agenda keeping each entry's meeting state (time spent, reviewed, outcome). */
    void keepAgenda(long session, List<Entry> entries) {
        jdbc.sql("DELETE FROM meeting_agenda_item WHERE session_id = :session").param("session", session).update();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            jdbc.sql("""
                    INSERT INTO meeting_agenda_item (session_id, item_id, item_number, position, time_box_minutes, spent_seconds,
                        reviewed, outcome, outcome_note, queue_before)
                    VALUES (:session, :itemId, :item, :position, :minutes, :spent, :reviewed, :outcome, :note, :queueBefore)
                    """)
                .param("session", session).param("itemId", entry.itemId()).param("item", entry.itemNumber()).param("position", i)
                .param("minutes", entry.timeBoxMinutes()).param("spent", entry.spentSeconds()).param("reviewed", entry.reviewed())
                .param("outcome", entry.outcome() == null ? null : entry.outcome().code(), java.sql.Types.VARCHAR)
                .param("note", entry.outcomeNote(), java.sql.Types.VARCHAR)
                .param("queueBefore", entry.queueBefore(), java.sql.Types.INTEGER)
                .update();
        }
    }

    private static final String SELECT = """
            SELECT id, team_key, title, workstream, goal, starts_at, duration_minutes, question_pause, facilitator_id, facilitator_name,
                state, started_at, closed_at, close_note, current_number, item_since, phase, phase_since, version
            FROM meeting_session
            """;

    private RefinementSession session(ResultSet rs, int row) throws SQLException {
        return new RefinementSession(rs.getLong("id"), rs.getString("team_key"), rs.getString("title"),
                rs.getString("workstream"), rs.getString("goal"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getInt("duration_minutes"), rs.getInt("question_pause"), rs.getLong("facilitator_id"),
                rs.getString("facilitator_name"), SessionState.valueOf(rs.getString("state").toUpperCase()), instant(rs, "started_at"), instant(rs, "closed_at"),
                rs.getString("close_note"), rs.getObject("current_number", Integer.class), instant(rs, "item_since"),
                rs.getString("phase") == null ? null : Phase.of(rs.getString("phase")).orElseThrow(), instant(rs, "phase_since"),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
