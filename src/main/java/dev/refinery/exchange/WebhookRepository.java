package dev.refinery.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Webhooks, their outbox of messages and the log of delivery attempts. */
@Repository
class WebhookRepository {

    private static final String HOOK = """
            SELECT id, url, secret, events, active, paused_reason, failing_since, created_at, version
            FROM exchange_webhook
            """;

    /** The attempts with their message's public id, type and status; a WHERE and an ORDER BY follow. */
    private static final String ATTEMPTS = """
            SELECT a.id, a.message_id, m.message_id AS public_id, m.event_type, a.attempted_at, a.status_code,
                a.duration_ms, a.answer, a.error, m.status
            FROM exchange_webhook_attempt a JOIN exchange_webhook_message m ON m.id = a.message_id
            """;

    private final JdbcClient jdbc;
    private final boolean postgres;

    WebhookRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (var connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    List<Webhook> hooks(long team) {
        return jdbc.sql(HOOK + " WHERE team_id = :team AND purpose = 'webhook' ORDER BY id").param("team", team).query(this::webhook).list();
    }

    Optional<Webhook> hook(long team, long id) {
        return jdbc.sql(HOOK + " WHERE team_id = :team AND id = :id AND purpose = 'webhook'").param("team", team).param("id", id)
            .query(this::webhook).optional();
    }

    Optional<Webhook> hook(long id) {
        return jdbc.sql(HOOK + " WHERE id = :id").param("id", id).query(this::webhook).optional();
    }

    long insert(long team, String url, String secret, List<WebhookEvent> events, boolean active, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_webhook (team_id, url, secret, events, active, created_at)
                VALUES (:team, :url, :secret, :events, :active, :now)
                """)
            .param("team", team)
            .param("url", url)
            .param("secret", secret)
            .param("events", codes(events))
            .param("active", active)
            .param("now", at(now))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Saves over the version read; false when it changed since. Turning a hook on clears why it was paused. */
    boolean update(long team, long id, int version, String url, List<WebhookEvent> events, boolean active) {
        return jdbc.sql("""
                UPDATE exchange_webhook
                SET url = :url, events = :events, active = :active,
                    paused_reason = CASE WHEN :active THEN NULL ELSE paused_reason END,
                    failing_since = CASE WHEN :active THEN NULL ELSE failing_since END,
                    version = version + 1
                WHERE team_id = :team AND id = :id AND version = :version AND purpose = 'webhook'
                """)
            .param("url", url)
            .param("events", codes(events))
            .param("active", active)
            .param("team", team)
            .param("id", id)
            .param("version", version)
            .update() == 1;
    }

    boolean delete(long team, long id) {
        return jdbc.sql("DELETE FROM exchange_webhook WHERE team_id = :team AND id = :id AND purpose = 'webhook'")
            .param("team", team).param("id", id).update() == 1;
    }

    /**
     * The outbox channel of a team's tracker sync: a hook of another purpose, never listed with the webhooks, whose
     * messages are the tracker's pushes; its URL is the tracker's site.
     */
    long insertChannel(long team, String purpose, String url, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_webhook (team_id, url, secret, events, active, created_at, purpose)
                VALUES (:team, :url, '', '', TRUE, :now, :purpose)
                """)
            .param("team", team)
            .param("url", url)
            .param("now", at(now))
            .param("purpose", purpose)
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Points a sync's channel at the tracker's site again and turns it on (a channel paused after a day of failures). */
    void renewChannel(long id, String url) {
        jdbc.sql("""
                UPDATE exchange_webhook SET url = :url, active = TRUE, paused_reason = NULL, failing_since = NULL,
                    version = version + 1
                WHERE id = :id
                """)
            .param("url", url).param("id", id).update();
    }

    void deleteChannel(long id) {
        jdbc.sql("DELETE FROM exchange_webhook WHERE id = :id AND purpose <> 'webhook'").param("id", id).update();
    }

    /** The latest attempt at a message, and whether it is delivered, pending or given up; empty before any attempt. */
    Optional<WebhookAttempt> lastAttempt(long message) {
        return jdbc.sql(ATTEMPTS + """
                WHERE a.message_id = :message
                ORDER BY a.id DESC
                FETCH FIRST 1 ROWS ONLY
                """)
            .param("message", message)
            .query((rs, row) -> new WebhookAttempt(rs.getLong("id"), rs.getLong("message_id"), rs.getString("public_id"),
                    rs.getString("event_type"), instant(rs, "attempted_at"), (Integer) rs.getObject("status_code", Integer.class),
                    rs.getInt("duration_ms"), rs.getString("answer"), rs.getString("error"), rs.getString("status")))
            .optional();
    }

    /** The active hooks of a team that want this event, for the outbox. */
    List<Webhook> wanting(long team, WebhookEvent event) {
        return jdbc.sql(HOOK + " WHERE team_id = :team AND active = TRUE AND purpose = 'webhook'").param("team", team).query(this::webhook).list()
            .stream().filter(hook -> hook.wants(event)).toList();
    }

    long enqueue(long hook, String messageId, String type, String payload, Instant now, Instant giveUpAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_webhook_message (webhook_id, message_id, event_type, payload, status, next_attempt_at,
                    give_up_at, created_at)
                VALUES (:hook, :messageId, :type, :payload, 'pending', :now, :giveUpAt, :now)
                """)
            .param("hook", hook)
            .param("messageId", messageId)
            .param("type", type)
            .param("payload", payload)
            .param("now", at(now))
            .param("giveUpAt", at(giveUpAt))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A message of a hook due again now, with a new day of retries; false if there is no such message. */
    boolean resend(long hook, long message, Instant now, Instant giveUpAt) {
        return jdbc.sql("""
                UPDATE exchange_webhook_message SET status = 'pending', next_attempt_at = :now, give_up_at = :giveUpAt
                WHERE webhook_id = :hook AND id = :message
                """)
            .param("now", at(now))
            .param("giveUpAt", at(giveUpAt))
            .param("hook", hook)
            .param("message", message)
            .update() == 1;
    }

    /** A message as a node sends it. */
    record Message(long id, long hook, String messageId, String type, String payload, int attempts, Instant giveUpAt) {
    }

    /**
     * Claims up to {@code count} due messages of active hooks for this node: each is moved to {@code leaseEnd}, so that
     * no other node takes it meanwhile, and any node takes it again after, if this one stopped. To be called in a
     * transaction: on PostgreSQL, rows another node is claiming are skipped, not waited for.
     */
    List<Message> claim(Instant now, Instant leaseEnd, int count) {
        var due = jdbc.sql("""
                SELECT id, webhook_id, message_id, event_type, payload, attempts, give_up_at
                FROM exchange_webhook_message
                WHERE status = 'pending' AND next_attempt_at <= :now
                  AND webhook_id IN (SELECT id FROM exchange_webhook WHERE active = TRUE)
                ORDER BY next_attempt_at, id
                FETCH FIRST :count ROWS ONLY
                """ + (postgres ? "FOR UPDATE SKIP LOCKED" : "FOR UPDATE"))
            .param("now", at(now))
            .param("count", count)
            .query((rs, row) -> new Message(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("message_id"),
                    rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"), instant(rs, "give_up_at")))
            .list();
        for (var message : due) {
            jdbc.sql("UPDATE exchange_webhook_message SET next_attempt_at = :leaseEnd WHERE id = :id")
                .param("leaseEnd", at(leaseEnd)).param("id", message.id()).update();
        }
        return due;
    }

    void attempted(long message, long hook, Instant at, Integer status, int durationMillis, String answer, String error,
            String node) {
        jdbc.sql("""
                INSERT INTO exchange_webhook_attempt (message_id, webhook_id, attempted_at, status_code, duration_ms, answer,
                    error, node)
                VALUES (:message, :hook, :at, :status, :duration, :answer, :error, :node)
                """)
            .param("message", message)
            .param("hook", hook)
            .param("at", at(at))
            .param("status", status, java.sql.Types.INTEGER)
            .param("duration", durationMillis)
            .param("answer", answer)
            .param("error", error, java.sql.Types.VARCHAR)
            .param("node", node)
            .update();
    }

    void delivered(long message, long hook) {
        jdbc.sql("UPDATE exchange_webhook_message SET status = 'delivered', attempts = attempts + 1 WHERE id = :id")
            .param("id", message).update();
        jdbc.sql("UPDATE exchange_webhook SET failing_since = NULL WHERE id = :id").param("id", hook).update();
    }

    /** A failed attempt: the message is due again at {@code next}, or given up when {@code next} is null. */
    void failed(long message, long hook, Instant now, Instant next) {
        jdbc.sql("""
                UPDATE exchange_webhook_message
                SET attempts = attempts + 1, status = :status, next_attempt_at = COALESCE(:next, next_attempt_at)
                WHERE id = :id
                """)
            .param("status", next == null ? "failed" : "pending")
            .param("next", next == null ? null : at(next), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
            .param("id", message)
            .update();
        jdbc.sql("UPDATE exchange_webhook SET failing_since = COALESCE(failing_since, :now) WHERE id = :id")
            .param("now", at(now)).param("id", hook).update();
    }

    /** Turns a hook off with the reason shown to facilitators, if it is still on. */
    boolean pause(long hook, String reason) {
        return jdbc.sql("""
                UPDATE exchange_webhook SET active = FALSE, paused_reason = :reason, version = version + 1
                WHERE id = :id AND active = TRUE
                """)
            .param("reason", reason).param("id", hook).update() == 1;
    }

    List<WebhookAttempt> log(long hook, int count) {
        return jdbc.sql(ATTEMPTS + """
                WHERE a.webhook_id = :hook
                ORDER BY a.id DESC
                FETCH FIRST :count ROWS ONLY
                """)
            .param("hook", hook)
            .param("count", count)
            .query((rs, row) -> new WebhookAttempt(rs.getLong("id"), rs.getLong("message_id"), rs.getString("public_id"),
                    rs.getString("event_type"), instant(rs, "attempted_at"), (Integer) rs.getObject("status_code", Integer.class),
                    rs.getInt("duration_ms"), rs.getString("answer"), rs.getString("error"), rs.getString("status")))
            .list();
    }

    /** Messages of a hook not yet delivered nor given up. */
    int pending(long hook) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_webhook_message WHERE webhook_id = :hook AND status = 'pending'")
            .param("hook", hook).query(Integer.class).single();
    }

    private Webhook webhook(ResultSet rs, int row) throws SQLException {
        var events = Arrays.stream(rs.getString("events").split(",")).filter(code -> !code.isEmpty())
            .map(code -> WebhookEvent.of(code).orElseThrow()).toList();
        return new Webhook(rs.getLong("id"), rs.getString("url"), rs.getString("secret"), events, rs.getBoolean("active"),
                rs.getString("paused_reason"), instant(rs, "failing_since"), instant(rs, "created_at"), rs.getInt("version"));
    }

    private static String codes(List<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::code).collect(Collectors.joining(","));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Cut to what both databases keep (microseconds), so that a row due "now" is due at the same "now" read again. */
    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
