package dev.refinery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import dev.refinery.shared.MovableClock;
import dev.refinery.shared.Sweeps;
import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What would grow without bound is removed once past its retention, and nothing younger or still in use: the clock is
 * moved instead of waited for, and the sweep is the one the schedule runs (here switched off, so that it does not run
 * on its own in the middle of a test). On each database (see the subclasses).
 */
@SpringBootTest(properties = { "refinery.cleanup.cron=-", "logging.level.dev.refinery.shared.Sweeps=INFO" })
@Import(MovableClock.Replacing.class)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class CleanupTests {

    @Autowired
    Sweeps sweeps;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> httpSessions;

    @Test
    void removesHttpSessionsWhoseExpiryPassed() {
        var brief = saved(Duration.ofMinutes(30));
        var lasting = saved(Duration.ofHours(8));
        assertThat(rows("SELECT count(*) FROM identity_http_session WHERE session_id IN (:ids)", List.of(brief, lasting)))
            .isEqualTo(2);

        clock.move(Duration.ofMinutes(32));
        sweeps.sweep();

        assertThat(httpSessions.findById(brief)).as("expired 2 minutes ago").isNull();
        assertThat(httpSessions.findById(lasting)).as("expires in 7 hours").isNotNull();
        assertThat(rows("SELECT count(*) FROM identity_http_session WHERE session_id = :ids", brief)).isZero();
    }

    @Test
    void removesPresenceRowsOfNodesThatStoppedRefreshingThem() {
        var now = clock.instant();
        var dead = UUID.randomUUID().toString();
        var alive = UUID.randomUUID().toString();
        present(dead, now.minus(Duration.ofMinutes(11)));
        present(alive, now.minus(Duration.ofSeconds(5)));

        sweeps.sweep();

        assertThat(rows("SELECT count(*) FROM live_presence WHERE node = :ids", dead)).as("a node that died").isZero();
        assertThat(rows("SELECT count(*) FROM live_presence WHERE node = :ids", alive)).as("a node alive").isEqualTo(1);
    }

    @Test
    void removesEndedImportJobsWithTheirFilesAfterTheirRetentionButNeverARunningOne() {
        var now = clock.instant();
        var doneLongAgo = importJob("done", now.minus(Duration.ofDays(8)));
        var failedLongAgo = importJob("failed", now.minus(Duration.ofDays(8)));
        var neverMapped = importJob("mapping", now.minus(Duration.ofDays(8)));
        var doneLately = importJob("done", now.minus(Duration.ofDays(6)));
        var running = importJob("importing", now.minus(Duration.ofMinutes(1)));
        var queued = importJob("queued", now.minus(Duration.ofSeconds(5)));

        sweeps.sweep();

        assertThat(jdbc.sql("SELECT id FROM exchange_import_job WHERE id IN (:ids) ORDER BY id")
            .param("ids", List.of(doneLongAgo, failedLongAgo, neverMapped, doneLately, running, queued))
            .query(Long.class).list())
            .containsExactly(doneLately, running, queued);
    }

    @Test
    void endsTheImportsWhoseServerStoppedWhileTheyRanAndKeepsThoseThatMove() {
        var now = clock.instant();
        var orphaned = importJob("importing", now.minus(Duration.ofMinutes(16)));
        var neverStarted = importJob("queued", now.minus(Duration.ofHours(3)));
        var moving = importJob("importing", now.minus(Duration.ofMinutes(2)));

        sweeps.sweep();

        assertThat(jdbc.sql("SELECT status, message FROM exchange_import_job WHERE id IN (:ids) ORDER BY id")
            .param("ids", List.of(orphaned, neverStarted, moving))
            .query((row, number) -> row.getString("status") + ": " + row.getString("message")).list())
            .containsExactly("failed: The server running this import stopped: nothing was imported. Try again.",
                    "failed: The server running this import stopped: nothing was imported. Try again.", "importing: ");
    }

    @Test
    void removesGuestLinksThatOpenNothingAfterTheirRetention() {
        var now = clock.instant();
        var closedLongAgo = session("closed", now.minus(Duration.ofDays(31)));
        var closedLately = session("closed", now.minus(Duration.ofDays(29)));
        var live = session("live", null);
        var ofClosedSession = link(closedLongAgo, now.minus(Duration.ofDays(40)), null);
        var ofLatelyClosedSession = link(closedLately, now.minus(Duration.ofDays(40)), null);
        var revokedLongAgo = link(live, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(31)));
        var revokedLately = link(live, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(2)));
        var open = link(live, now.minus(Duration.ofDays(100)), null);

        sweeps.sweep();

        assertThat(jdbc.sql("SELECT token FROM meeting_guest_link WHERE token IN (:ids)")
            .param("ids", List.of(ofClosedSession, ofLatelyClosedSession, revokedLongAgo, revokedLately, open))
            .query(String.class).list())
            .containsExactlyInAnyOrder(ofLatelyClosedSession, revokedLately, open);
    }

    @Test
    void removesWebhookMessagesAndTheirLogOnceDoneWithButNeverOneStillToBeSent() {
        var now = clock.instant();
        var hook = webhook();
        var deliveredLongAgo = message(hook, "delivered", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)));
        var failedLongAgo = message(hook, "failed", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(39)));
        var sentAgainLately = message(hook, "delivered", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(3)));
        var deliveredLately = message(hook, "delivered", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        var stillTrying = message(hook, "pending", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(39)));

        sweeps.sweep();

        assertThat(jdbc.sql("SELECT id FROM exchange_webhook_message WHERE id IN (:ids) ORDER BY id")
            .param("ids", List.of(deliveredLongAgo, failedLongAgo, sentAgainLately, deliveredLately, stillTrying))
            .query(Long.class).list())
            .containsExactly(sentAgainLately, deliveredLately, stillTrying);
        assertThat(rows("SELECT count(*) FROM exchange_webhook_attempt WHERE message_id IN (:ids)",
                List.of(deliveredLongAgo, failedLongAgo))).as("their delivery log").isZero();
        assertThat(rows("SELECT count(*) FROM exchange_webhook_attempt WHERE message_id IN (:ids)",
                List.of(sentAgainLately, deliveredLately, stillTrying))).isEqualTo(3);
    }

    @Test
    void countsAndLogsWhatEachSweepRemoved(CapturedOutput output) {
        sweeps.sweep();
        var before = removed("guest-links");
        var now = clock.instant();
        var closed = session("closed", now.minus(Duration.ofDays(31)));
        link(closed, now.minus(Duration.ofDays(40)), null);
        link(closed, now.minus(Duration.ofDays(35)), null);

        var counts = sweeps.sweep();

        assertThat(counts).containsEntry("guest-links", 2L).containsKeys("http-sessions", "presence", "import-jobs");
        assertThat(removed("guest-links") - before).isEqualTo(2);
        assertThat(output).contains("Clean-up removed 2 guest-links");
        assertThat(meters.find("refinery.cleanup.removed").counters()).extracting(counter -> counter.getId().getTag("kind"))
            .contains("http-sessions", "presence", "import-jobs", "stalled-imports", "guest-links", "webhook-messages");
    }

    @Test
    void nodesSweepingAtTheSameMomentRemoveEachRowOnceAndFailNothing() throws Exception {
        sweeps.sweep();
        var now = clock.instant();
        for (var job = 0; job < 40; job++) {
            importJob("done", now.minus(Duration.ofDays(8)));
        }

        try (var nodes = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = nodes.submit(sweeps::sweep);
            var second = nodes.submit(sweeps::sweep);
            assertThat(first.get().get("import-jobs") + second.get().get("import-jobs")).isEqualTo(40);
        }
        assertThat(rows("SELECT count(*) FROM exchange_import_job WHERE status = :ids", "done")).isZero();
    }

    private String saved(Duration maxInactive) {
        return save(httpSessions, maxInactive);
    }

    private static <S extends Session> String save(FindByIndexNameSessionRepository<S> repository, Duration maxInactive) {
        var session = repository.createSession();
        session.setMaxInactiveInterval(maxInactive);
        session.setAttribute("seen", "yes");
        repository.save(session);
        return session.getId();
    }

    private long rows(String sql, Object ids) {
        return jdbc.sql(sql).param("ids", ids).query(Long.class).single();
    }

    private void present(String node, Instant seenAt) {
        jdbc.sql("""
                INSERT INTO live_presence (room, node, account_id, name, seen_at)
                VALUES ('team:CLEAN', :node, 1, 'Ana', :seenAt)
                """)
            .param("node", node).param("seenAt", at(seenAt)).update();
    }

    private long importJob(String status, Instant updatedAt) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_import_job (team_id, format, file_name, content, valid_rows_only, status, created_by,
                    created_at, updated_at)
                VALUES (1, 'csv', 'items.csv', 'Title\nPay by card\n', FALSE, :status, 1, :at, :at)
                """)
            .param("status", status).param("at", at(updatedAt)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private long session(String state, Instant closedAt) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO meeting_session (team_id, team_key, title, starts_at, duration_minutes, facilitator_id,
                    facilitator_name, state, closed_at)
                VALUES (1, 'CLEAN', 'Refinement', :startsAt, 60, 1, 'Ana', :state, :closedAt)
                """)
            .param("startsAt", at(clock.instant().minus(Duration.ofDays(60)))).param("state", state)
            .param("closedAt", closedAt == null ? null : at(closedAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private String link(long session, Instant createdAt, Instant revokedAt) {
        var token = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO meeting_guest_link (token, session_id, created_at, revoked_at) VALUES (:token, :session, :at, :revokedAt)")
            .param("token", token).param("session", session).param("at", at(createdAt))
            .param("revokedAt", revokedAt == null ? null : at(revokedAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
            .update();
        return token;
    }

    private long webhook() {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_webhook (team_id, url, secret, events, active, created_at)
                VALUES (1, 'http://127.0.0.1:9/hook', 'whsec_c2VjcmV0', 'estimate.agreed', TRUE, :at)
                """)
            .param("at", at(clock.instant().minus(Duration.ofDays(60)))).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private long message(long hook, String status, Instant createdAt, Instant lastAttempt) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_webhook_message (webhook_id, message_id, event_type, payload, status, attempts,
                    next_attempt_at, give_up_at, created_at)
                VALUES (:hook, :messageId, 'estimate.agreed', '{}', :status, 1, :at, :at, :at)
                """)
            .param("hook", hook).param("messageId", "msg_" + UUID.randomUUID()).param("status", status)
            .param("at", at(createdAt)).update(keys, "id");
        var message = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("""
                INSERT INTO exchange_webhook_attempt (message_id, webhook_id, attempted_at, status_code, duration_ms, answer, node)
                VALUES (:message, :hook, :at, 200, 12, 'ok', 'node-1')
                """)
            .param("message", message).param("hook", hook).param("at", at(lastAttempt)).update();
        return message;
    }

    private double removed(String kind) {
        return meters.get("refinery.cleanup.removed").tag("kind", kind).counter().count();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
