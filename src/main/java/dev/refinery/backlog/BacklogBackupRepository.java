package dev.refinery.backlog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a backup reads and a restore writes beyond an item's content: risks, relations and external keys, the sequence. */
@Repository
class BacklogBackupRepository {

    private final JdbcClient jdbc;

    BacklogBackupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many items, workstreams and custom fields a team has: a restore goes only into a team with none. */
    record Contents(long items, long workstreams, long customFields) {

        boolean empty() {
            return items == 0 && workstreams == 0 && customFields == 0;
        }
    }

    Contents contents(long team) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM backlog_item WHERE team_id = :team) AS items,
                    (SELECT COUNT(*) FROM backlog_workstream WHERE team_id = :team) AS workstreams,
                    (SELECT COUNT(*) FROM backlog_custom_field WHERE team_id = :team) AS custom_fields
                """)
            .param("team", team)
            .query((rs, row) -> new Contents(rs.getLong("items"), rs.getLong("workstreams"), rs.getLong("custom_fields")))
            .single();
    }

    /** The risks of a team's items by item number, oldest first. */
    Map<Integer, List<Risk>> risks(long team) {
        var risks = new HashMap<Integer, List<Risk>>();
        jdbc.sql("""
                SELECT i.item_number, r.risk_text, r.author, r.raised_at
                FROM backlog_item_risk r
                JOIN backlog_item i ON i.id = r.item_id
                WHERE i.team_id = :team
                ORDER BY i.item_number, r.raised_at, r.id
                """)
            .param("team", team)
            .query(rs -> {
                risks.computeIfAbsent(rs.getInt("item_number"), number -> new ArrayList<>())
                    .add(new Risk(rs.getString("risk_text"), rs.getString("author"),
                            rs.getObject("raised_at", OffsetDateTime.class).toInstant()));
            });
        return risks;
    }

    /** Sets what an item restored without them points to, once every item of the backup exists. */
    void relate(long item, Long followUpOf, Long splitFrom, String externalKey) {
        jdbc.sql("""
                UPDATE backlog_item
                SET follow_up_of = :followUpOf, split_from = :splitFrom, external_key = :externalKey
                WHERE id = :id
                """)
            .param("followUpOf", followUpOf, java.sql.Types.BIGINT)
            .param("splitFrom", splitFrom, java.sql.Types.BIGINT)
            .param("externalKey", externalKey, java.sql.Types.VARCHAR)
            .param("id", item)
            .update();
    }

    /** New items of the team are numbered after this one. */
    void continueAfter(long team, int number) {
        var updated = jdbc.sql("UPDATE backlog_item_sequence SET last_number = :number WHERE team_id = :team")
            .param("number", number)
            .param("team", team)
            .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO backlog_item_sequence (team_id, last_number) VALUES (:team, :number)")
                .param("team", team)
                .param("number", number)
                .update();
        }
    }
}
