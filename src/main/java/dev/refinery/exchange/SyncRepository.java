package dev.refinery.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tracker sync settings, the lease that lets one node at a time pull a team, the runs, the pulled values and conflicts. */
@Repository
class SyncRepository {

    private static final String SETTINGS = """
            SELECT team_id, kind, site_url, account_email, token_sealed, token_end, jql, points_field, repository,
                label_filter, account_id, webhook_id, created_at, version
            FROM exchange_sync
            """;
    private static final String RUN = """
            SELECT id, team_id, state, trigger_kind, pages, seen, created, updated, conflicts, total, next_page, error,
                started_at, finished_at
            FROM exchange_sync_run
            """;

    private final JdbcClient jdbc;

    SyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings with the sealed token, for the node that pulls and pushes. */
    record Settings(long team, String kind, String siteUrl, String email, String tokenSealed, String tokenEnds, String jql,
            String pointsField, String repository, String labelFilter, long account, long channel, Instant createdAt,
            int version) {

        TrackerSync shown() {
            return new TrackerSync(kind, siteUrl, email, tokenEnds, jql, pointsField, repository, labelFilter, createdAt,
                    version);
        }

        boolean github() {
            return TrackerSyncs.GITHUB.equals(kind);
        }
    }

    Optional<Settings> settings(long team) {
        return jdbc.sql(SETTINGS + " WHERE team_id = :team").param("team", team).query(this::settingsRow).optional();
    }

    Optional<Settings> settingsOfChannel(long channel) {
        return jdbc.sql(SETTINGS + " WHERE webhook_id = :channel").param("channel", channel).query(this::settingsRow).optional();
    }

    List<Settings> all() {
        return jdbc.sql(SETTINGS + " ORDER BY team_id").query(this::settingsRow).list();
    }

    void insert(Settings settings) {
        jdbc.sql("""
                INSERT INTO exchange_sync (team_id, kind, site_url, account_email, token_sealed, token_end, jql, points_field,
                    repository, label_filter, account_id, webhook_id, created_at)
                VALUES (:team, :kind, :site, :email, :token, :tokenEnd, :jql, :field, :repository, :labels, :account,
                    :channel, :now)
                """)
            .paramSource(fields(settings).addValue("channel", settings.channel()).addValue("now", at(settings.createdAt())))
            .update();
    }

    /** Saves over the version read; false when it changed since. */
    boolean update(Settings settings, int seenVersion) {
        return jdbc.sql("""
                UPDATE exchange_sync
                SET kind = :kind, site_url = :site, account_email = :email, token_sealed = :token, token_end = :tokenEnd,
                    jql = :jql, points_field = :field, repository = :repository, label_filter = :labels,
                    account_id = :account, version = version + 1
                WHERE team_id = :team AND version = :version
                """)
            .paramSource(fields(settings).addValue("version", seenVersion))
            .update() == 1;
    }

    /** The settings' columns as the INSERT and the UPDATE name them; nullable text typed, so that a null binds on PostgreSQL. */
    private static MapSqlParameterSource fields(Settings settings) {
        return new MapSqlParameterSource()
            .addValue("team", settings.team())
            .addValue("kind", settings.kind())
            .addValue("site", settings.siteUrl())
            .addValue("email", settings.email(), Types.VARCHAR)
            .addValue("token", settings.tokenSealed())
            .addValue("tokenEnd", settings.tokenEnds())
            .addValue("jql", settings.jql(), Types.VARCHAR)
            .addValue("field", settings.pointsField(), Types.VARCHAR)
            .addValue("repository", settings.repository(), Types.VARCHAR)
            .addValue("labels", settings.labelFilter(), Types.VARCHAR)
            .addValue("account", settings.account());
    }

    void delete(long team) {
        jdbc.sql("DELETE FROM exchange_sync WHERE team_id = :team").param("team", team).update();
        forgetPulled(team);
    }

    /** Forgets the values pulled and the conflicts found, for a team that stops syncing or syncs with another tracker, site or repository. */
    void forgetPulled(long team) {
        jdbc.sql("DELETE FROM exchange_sync_item WHERE team_id = :team").param("team", team).update();
        jdbc.sql("DELETE FROM exchange_sync_conflict WHERE team_id = :team").param("team", team).update();
    }

    /**
     * Takes the team's lease for this node until {@code until}, if nobody holds it or its holder let it end (a node
     * that stopped); one UPDATE, so that two nodes asking at once cannot both get it, on H2 as on PostgreSQL.
     */
    boolean lease(long team, String node, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE exchange_sync SET lease_node = :node, lease_until = :until
                WHERE team_id = :team AND (lease_until IS NULL OR lease_until < :now)
                """)
            .param("node", node)
            .param("until", at(until))
            .param("team", team)
            .param("now", at(now))
            .update() == 1;
    }

    /** Keeps the lease this node holds for longer, while it works. */
    void renew(long team, String node, Instant until) {
        jdbc.sql("UPDATE exchange_sync SET lease_until = :until WHERE team_id = :team AND lease_node = :node")
            .param("until", at(until)).param("team", team).param("node", node).update();
    }

    /**
     * Keeps the team's lease from this node until {@code until} for no node, so that no node pulls before then (a
     * tracker's rate limit); the running pull resumes afterwards where it stopped.
     */
    void hold(long team, String node, Instant until) {
        jdbc.sql("UPDATE exchange_sync SET lease_node = NULL, lease_until = :until WHERE team_id = :team AND lease_node = :node")
            .param("until", at(until)).param("team", team).param("node", node).update();
    }

    void release(long team, String node) {
        jdbc.sql("UPDATE exchange_sync SET lease_node = NULL, lease_until = NULL WHERE team_id = :team AND lease_node = :node")
            .param("team", team).param("node", node).update();
    }

    long startRun(long team, String trigger, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_sync_run (team_id, state, trigger_kind, started_at)
                VALUES (:team, 'running', :trigger, :now)
                """)
            .param("team", team).param("trigger", trigger).param("now", at(now))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    record RunState(SyncRun run, long team, String nextPage) {
    }

    Optional<RunState> running(long team) {
        return jdbc.sql(RUN + " WHERE team_id = :team AND state = 'running' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
            .param("team", team)
            .query((rs, row) -> new RunState(runRow(rs, row), rs.getLong("team_id"), rs.getString("next_page")))
            .optional();
    }

    Optional<SyncRun> run(long team, long id) {
        return jdbc.sql(RUN + " WHERE team_id = :team AND id = :id").param("team", team).param("id", id).query(this::runRow)
            .optional();
    }

    List<SyncRun> runs(long team, int count) {
        return jdbc.sql(RUN + " WHERE team_id = :team ORDER BY id DESC FETCH FIRST :count ROWS ONLY")
            .param("team", team).param("count", count).query(this::runRow).list();
    }

    Optional<Instant> lastStart(long team) {
        return jdbc.sql("SELECT MAX(started_at) FROM exchange_sync_run WHERE team_id = :team").param("team", team)
            .query((rs, row) -> instant(rs, 1)).optional().filter(java.util.Objects::nonNull);
    }

    /** A page is done: its counts are added and the run remembers where the next page starts. */
    void pageDone(long run, int seen, int created, int updated, int conflicts, Integer total, String nextPage) {
        jdbc.sql("""
                UPDATE exchange_sync_run
                SET pages = pages + 1, seen = seen + :seen, created = created + :created, updated = updated + :updated,
                    conflicts = conflicts + :conflicts, total = COALESCE(:total, total), next_page = :next
                WHERE id = :id
                """)
            .param("seen", seen).param("created", created).param("updated", updated).param("conflicts", conflicts)
            .param("total", total, Types.INTEGER)
            .param("next", nextPage, Types.VARCHAR)
            .param("id", run)
            .update();
    }

    /** Tells why a running pull waits, without ending it. */
    void waiting(long run, String why) {
        jdbc.sql("UPDATE exchange_sync_run SET error = :why WHERE id = :id AND state = 'running'")
            .param("why", why).param("id", run).update();
    }

    void finish(long run, String state, String error, Instant now) {
        jdbc.sql("UPDATE exchange_sync_run SET state = :state, error = :error, finished_at = :now, next_page = NULL WHERE id = :id")
            .param("state", state).param("error", error, Types.VARCHAR).param("now", at(now)).param("id", run).update();
    }

    /** The tracker's values at the last pull, as Refinery wrote them (estimate in points, status by its code). */
    record Pulled(String externalKey, String item, String title, String description, String estimate, String status,
            Long pushMessage) {
    }

    Optional<Pulled> pulled(long team, String externalKey) {
        return jdbc.sql("""
                SELECT external_key, item_key, title, description, estimate, status, push_message_id
                FROM exchange_sync_item WHERE team_id = :team AND external_key = :key
                """)
            .param("team", team).param("key", externalKey).query(this::pulledRow).optional();
    }

    Optional<Pulled> pulledItem(long team, String item) {
        return jdbc.sql("""
                SELECT external_key, item_key, title, description, estimate, status, push_message_id
                FROM exchange_sync_item WHERE team_id = :team AND item_key = :item
                """)
            .param("team", team).param("item", item).query(this::pulledRow).optional();
    }

    void remember(long team, Pulled pulled) {
        var changed = jdbc.sql("""
                UPDATE exchange_sync_item SET item_key = :item, title = :title, description = :description,
                    estimate = :estimate, status = :status
                WHERE team_id = :team AND external_key = :key
                """)
            .param("item", pulled.item()).param("title", pulled.title()).param("description", pulled.description())
            .param("estimate", pulled.estimate(), Types.VARCHAR).param("status", pulled.status(), Types.VARCHAR)
            .param("team", team).param("key", pulled.externalKey())
            .update();
        if (changed == 0) {
            jdbc.sql("""
                    INSERT INTO exchange_sync_item (team_id, external_key, item_key, title, description, estimate, status)
                    VALUES (:team, :key, :item, :title, :description, :estimate, :status)
                    """)
                .param("item", pulled.item()).param("title", pulled.title()).param("description", pulled.description())
                .param("estimate", pulled.estimate(), Types.VARCHAR).param("status", pulled.status(), Types.VARCHAR)
                .param("team", team).param("key", pulled.externalKey())
                .update();
        }
    }

    void pushed(long team, String externalKey, long message) {
        jdbc.sql("UPDATE exchange_sync_item SET push_message_id = :message WHERE team_id = :team AND external_key = :key")
            .param("message", message).param("team", team).param("key", externalKey).update();
    }

    /** Records a conflict unless the same one (field and both values) is still open. */
    boolean conflict(long team, String item, String field, String theirs, String ours, Instant now) {
        var open = jdbc.sql("""
                SELECT COUNT(*) FROM exchange_sync_conflict
                WHERE team_id = :team AND item_key = :item AND field = :field AND resolved IS NULL
                """)
            .param("team", team).param("item", item).param("field", field).query(Integer.class).single();
        if (open > 0) {
            jdbc.sql("""
                    UPDATE exchange_sync_conflict SET theirs = :theirs, ours = :ours
                    WHERE team_id = :team AND item_key = :item AND field = :field AND resolved IS NULL
                    """)
                .param("theirs", theirs).param("ours", ours).param("team", team).param("item", item).param("field", field)
                .update();
            return false;
        }
        jdbc.sql("""
                INSERT INTO exchange_sync_conflict (team_id, item_key, field, theirs, ours, found_at)
                VALUES (:team, :item, :field, :theirs, :ours, :now)
                """)
            .param("team", team).param("item", item).param("field", field).param("theirs", theirs).param("ours", ours)
            .param("now", at(now))
            .update();
        return true;
    }

    List<SyncConflict> conflicts(long team) {
        return jdbc.sql("""
                SELECT id, item_key, field, theirs, ours, found_at FROM exchange_sync_conflict
                WHERE team_id = :team AND resolved IS NULL ORDER BY id
                """)
            .param("team", team).query(this::conflictRow).list();
    }

    List<SyncConflict> conflicts(long team, String item) {
        return jdbc.sql("""
                SELECT id, item_key, field, theirs, ours, found_at FROM exchange_sync_conflict
                WHERE team_id = :team AND item_key = :item AND resolved IS NULL ORDER BY id
                """)
            .param("team", team).param("item", item).query(this::conflictRow).list();
    }

    Optional<SyncConflict> conflict(long team, long id) {
        return jdbc.sql("""
                SELECT id, item_key, field, theirs, ours, found_at FROM exchange_sync_conflict
                WHERE team_id = :team AND id = :id AND resolved IS NULL
                """)
            .param("team", team).param("id", id).query(this::conflictRow).optional();
    }

    boolean resolve(long team, long id, String how) {
        return jdbc.sql("UPDATE exchange_sync_conflict SET resolved = :how WHERE team_id = :team AND id = :id AND resolved IS NULL")
            .param("how", how).param("team", team).param("id", id).update() == 1;
    }

    private SyncConflict conflictRow(ResultSet rs, int row) throws SQLException {
        return new SyncConflict(rs.getLong("id"), rs.getString("item_key"), rs.getString("field"), rs.getString("theirs"),
                rs.getString("ours"), instant(rs, "found_at"));
    }

    private Pulled pulledRow(ResultSet rs, int row) throws SQLException {
        return new Pulled(rs.getString("external_key"), rs.getString("item_key"), rs.getString("title"),
                rs.getString("description"), rs.getString("estimate"), rs.getString("status"),
                (Long) rs.getObject("push_message_id", Long.class));
    }

    private Settings settingsRow(ResultSet rs, int row) throws SQLException {
        return new Settings(rs.getLong("team_id"), rs.getString("kind"), rs.getString("site_url"),
                rs.getString("account_email"), rs.getString("token_sealed"), rs.getString("token_end"), rs.getString("jql"),
                rs.getString("points_field"), rs.getString("repository"), rs.getString("label_filter"),
                rs.getLong("account_id"), rs.getLong("webhook_id"), instant(rs, "created_at"), rs.getInt("version"));
    }

    private SyncRun runRow(ResultSet rs, int row) throws SQLException {
        return new SyncRun(rs.getLong("id"), rs.getString("state"), rs.getString("trigger_kind"), rs.getInt("pages"),
                rs.getInt("seen"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("conflicts"),
                (Integer) rs.getObject("total", Integer.class), rs.getString("error"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
