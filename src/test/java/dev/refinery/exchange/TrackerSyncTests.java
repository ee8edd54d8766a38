package dev.refinery.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync with a Jira Cloud that answers in the test ({@link FakeJira}), through the API and the pages as a facilitator
 * uses them. The schedule and the outbox's worker are off: the tests run them, and move the clock instead of waiting.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class TrackerSyncTests extends TrackerSyncFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A description with a heading, a list, code, a mention and a table, as Jira's editor saves it. */
    static final String ADF = """
            {"type": "doc", "version": 1, "content": [
              {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Why"}]},
              {"type": "paragraph", "content": [{"type": "text", "text": "Asked by "},
                {"type": "mention", "attrs": {"id": "5b10ac8d82e05b22cc7d4ef5", "text": "@Ana Lima"}}]},
              {"type": "bulletList", "content": [
                {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "IBAN checked"}]}]},
                {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Mandate stored"}]}]}]},
              {"type": "codeBlock", "attrs": {"language": "json"}, "content": [{"type": "text", "text": "{\\"scheme\\": \\"sepa\\"}"}]},
              {"type": "table", "content": [
                {"type": "tableRow", "content": [
                  {"type": "tableHeader", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Bank"}]}]},
                  {"type": "tableHeader", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Days"}]}]}]},
                {"type": "tableRow", "content": [
                  {"type": "tableCell", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "ING"}]}]},
                  {"type": "tableCell", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "2"}]}]}]}]}
            ]}
            """;

    /** The same three issues as Jira's "Export CSV (all fields)" writes them. */
    static final String CSV = """
            Summary,Issue key,Issue id,Issue Type,Status,Status Category,Custom field (Story Points),Labels,Component/s,Parent key,Parent summary,Description
            Pay by SEPA,PAY-17,10000,Story,To Do,To Do,5,payments,api,PAY-1,Checkout,h2. Why
            Refund to card,PAY-18,10001,Bug,In Progress,In Progress,2.5,,,,,
            Receipts by email,PAY-19,10002,Story,Done,Done,,email,,PAY-1,Checkout,
            """;

    @Autowired
    JiraCloud jiraCloud;

    FakeJira jira;
    final List<Duration> waited = Collections.synchronizedList(new ArrayList<>());

    @Override
    String teamName() {
        return "Payments";
    }

    @BeforeEach
    void jira() throws Exception {
        jira = new FakeJira();
        jira.issue("PAY-17", "Pay by SEPA", "Story", "To Do", "new", 5.0, List.of("payments"), List.of("api"), "PAY-1",
                "Checkout", JSON.readTree(ADF));
        jira.issue("PAY-18", "Refund to card", "Bug", "In Progress", "indeterminate", 2.5, List.of(), List.of(), null, null,
                JSON.nullNode());
        jira.issue("PAY-19", "Receipts by email", "Story", "Done", "done", null, List.of("email"), List.of(), "PAY-1",
                "Checkout", JSON.nullNode());
        jiraCloud.pauseWith(waited::add);
        deliveries.deliverDue();
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void pullCreatesTheItemsAJiraCsvImportOfTheSameIssuesCreatesAndNoDuplicatesAfterAnImport() {
        var imported = People.newKey();
        teams.create(new NewTeam("Payments (file)", imported), fay.id());
        var importCalls = new ImportCalls(mvc, fay, imported);
        assertThat(importCalls.finished(importCalls.upload("jira.csv", "jira-csv", CSV, null, false)).path("status").asString())
            .isEqualTo("done");

        configure(team);
        assertThat(calls.pull(team).path("created").asInt()).isEqualTo(3);

        var pulled = calls.backlog(team);
        var fromFile = calls.backlog(imported);
        assertThat(pulled.keySet()).containsExactly("jira:PAY-17", "jira:PAY-18", "jira:PAY-19");
        assertThat(pulled).isEqualTo(fromFile);
        assertThat(pulled.get("jira:PAY-17")).isEqualTo("Pay by SEPA | needs-refinement | 5 pt | Checkout | [payments, type:story, component:api]");
        var sepa = items.find(team, calls.key(team, "jira:PAY-17"), fay.id()).content().description();
        assertThat(sepa).contains("## Why", "@Ana Lima", "- IBAN checked", "- Mandate stored", "```json",
                "{\"scheme\": \"sepa\"}", "| Bank | Days |", "| ING | 2 |");

        // the team that imported the file switches to sync: the same items, updated, none added
        configure(imported);
        jira.fields("PAY-18").put("summary", "Refund to the card used");
        var run = calls.pull(imported);
        assertThat(run.path("created").asInt()).isZero();
        assertThat(calls.backlog(imported)).hasSize(3);
        assertThat(calls.backlog(imported).get("jira:PAY-18")).startsWith("Refund to the card used | planned | 2.5 pt");
    }

    @Test
    void followsThePagesHonoursRetryAfterAndShowsTheProgress() {
        configure(team);
        jira.tooManyRequests(1);

        var run = calls.pull(team);

        assertThat(run.path("state").asString()).isEqualTo("done");
        assertThat(run.path("pages").asInt()).isEqualTo(2);
        assertThat(run.path("seen").asInt()).isEqualTo(3);
        assertThat(waited).as("the 429's Retry-After").containsExactly(Duration.ofSeconds(7));
        var searches = jira.requests().stream().filter(request -> request.path().endsWith("/search/jql")).toList();
        assertThat(searches).hasSize(3);
        assertThat(searches.get(2).query()).contains("nextPageToken=page-2").contains("jql=project+%3D+PAY");
        assertThat(mvc.get().uri("/teams/" + team + "/sync").with(People.basic(fay))).hasStatusOk().bodyText()
            .contains("Last pull done", "2 pages", "3 issues seen", "3 created", "id=\"sync-bar\"", "Open conflicts: 0");
    }

    @Test
    void readsTheOlderStartAtPages() {
        jira.olderShape();
        configure(team);

        var run = calls.pull(team);

        assertThat(run.path("pages").asInt()).isEqualTo(2);
        assertThat(run.path("total").asInt()).isEqualTo(3);
        assertThat(calls.backlog(team)).hasSize(3);
    }

    @Test
    void writesAnAgreedEstimateBackToJiraThroughTheOutboxAndTheItemSaysSo() {
        configure(team);
        calls.pull(team);
        var item = calls.key(team, "jira:PAY-17");
        var round = poker.open(team, item, fay).id();
        poker.cast(team, item, round, "8", fay);
        poker.reveal(team, item, round, fay.id());
        poker.agree(team, item, round, "8", fay);

        assertThat(deliveries.deliverDue()).isEqualTo(1);

        var puts = jira.requests().stream().filter(request -> request.method().equals("PUT")).toList();
        assertThat(puts).singleElement().satisfies(put -> {
            assertThat(put.path()).isEqualTo("/rest/api/3/issue/PAY-17");
            assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree("{\"fields\": {\"customfield_10016\": 8}}"));
            assertThat(put.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString((FakeJira.EMAIL + ":" + FakeJira.TOKEN).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        });
        clock.move(Duration.ofMinutes(2));
        assertThat(mvc.get().uri("/teams/" + team + "/items/" + item + "/sync").with(People.basic(ben)))
            .hasStatusOk().bodyText().contains("Jira PAY-17", "Estimate sent to Jira 2 min ago.");

        // Jira now holds 8 as Refinery does: the next pull finds nothing to change and no conflict
        assertThat(calls.pull(team).path("conflicts").asInt()).isZero();
    }

    @Test
    void aFailedPushIsRetriedAndTheItemShowsTheError() {
        configure(team);
        calls.pull(team);
        var item = calls.key(team, "jira:PAY-18");
        jira.acceptOnly("another-token");
        var round = poker.open(team, item, fay).id();
        poker.cast(team, item, round, "3", fay);
        poker.reveal(team, item, round, fay.id());
        poker.agree(team, item, round, "3", fay);

        deliveries.deliverDue();

        assertThat(mvc.get().uri("/teams/" + team + "/items/" + item + "/sync").with(People.basic(ben)))
            .hasStatusOk().bodyText().contains("Sending the estimate to Jira failed just now (Jira answered HTTP 401): it is tried again.");
        jira.acceptOnly(FakeJira.TOKEN);
        clock.move(Duration.ofMinutes(1));
        assertThat(deliveries.deliverDue()).isEqualTo(1);
        assertThat(JSON.readTree(jira.fields("PAY-18").toString()).path("customfield_10016").asInt()).isEqualTo(3);
    }

    @Test
    void aFieldChangedOnBothSidesIsAConflictThatThePersonResolves() {
        configure(team);
        calls.pull(team);
        var item = calls.key(team, "jira:PAY-17");
        var view = items.find(team, item, fay.id());
        items.edit(team, item, view.item().version(), ItemPatch.empty().title("Pay by SEPA direct debit"), fay);
        jira.fields("PAY-17").put("summary", "Pay by SEPA Instant");
        jira.fields("PAY-18").put("summary", "Refund to the card used");

        var run = calls.pull(team);

        assertThat(run.path("conflicts").asInt()).isEqualTo(1);
        assertThat(run.path("updated").asInt()).as("PAY-18 changed in Jira only").isEqualTo(1);
        assertThat(items.find(team, item, fay.id()).content().title()).isEqualTo("Pay by SEPA direct debit");
        assertThat(mvc.get().uri("/teams/" + team + "/sync").with(People.basic(fay))).hasStatusOk().bodyText()
            .contains("1 conflict to resolve", "Open conflicts: 1");
        var card = mvc.get().uri("/teams/" + team + "/items/" + item + "/sync").header("HX-Request", "true")
            .with(People.basic(ben)).exchange();
        assertThat(card).hasStatusOk().bodyText().contains("Conflict: Title", "Jira says:", "Pay by SEPA Instant",
                "Here:", "Pay by SEPA direct debit", "Keep ours", "Take Jira", "name=\"_csrf\"");

        var conflict = JSON.readTree(mvc.get().uri("/api/v1/teams/" + team + "/sync/conflicts").with(People.basic(fay))
            .exchange().getResponse().getContentAsByteArray()).get(0).path("id").asLong();
        var version = items.find(team, item, fay.id()).item().version();
        assertThat(mvc.post().uri("/teams/" + team + "/items/" + item + "/sync/conflicts/" + conflict)
            .param("choice", "theirs").param("version", Integer.toString(version - 1)).with(People.basic(ben))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
            .hasStatus3xxRedirection().hasRedirectedUrl("/teams/" + team + "/items/" + item + "/sync?error=stale");
        assertThat(mvc.post().uri("/teams/" + team + "/items/" + item + "/sync/conflicts/" + conflict)
            .param("choice", "theirs").param("version", Integer.toString(version)).with(People.basic(ben))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
            .hasStatus3xxRedirection().hasRedirectedUrl("/teams/" + team + "/items/" + item);
        assertThat(items.find(team, item, fay.id()).content().title()).isEqualTo("Pay by SEPA Instant");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sync/conflicts").with(People.basic(fay))).hasStatusOk()
            .bodyJson().isEqualTo("[]");
    }

    @Test
    void aTokenJiraRefusesFailsThePullWithThatMessage() {
        configure(team);
        jira.acceptOnly("a-newer-token");

        var run = calls.pull(team);

        assertThat(run.path("state").asString()).isEqualTo("failed");
        assertThat(run.path("error").asString()).startsWith("Jira refused the token");
        assertThat(mvc.get().uri("/teams/" + team + "/sync").with(People.basic(fay))).hasStatusOk().bodyText()
            .contains("Last pull failed", "Jira refused the token (HTTP 401)");
        assertThat(calls.backlog(team)).isEmpty();
    }

    @Test
    void theTokenIsNeverShownAgainNorInBackupsNorLogsAndIsStoredSealed(CapturedOutput output) {
        configure(team);
        // what the test itself printed of the request that saved the token is not the application's log
        var logged = output.getAll().length();
        jira.acceptOnly("a-newer-token");
        calls.pull(team);
        jira.acceptOnly(FakeJira.TOKEN);
        calls.pull(team);

        var settings = mvc.get().uri("/api/v1/teams/" + team + "/sync").with(People.basic(fay)).exchange();
        assertThat(settings).hasStatusOk().bodyJson().extractingPath("$.tokenEnds").isEqualTo("7Zq9");
        assertThat(SyncCalls.body(settings)).doesNotContain(FakeJira.TOKEN);
        assertThat(mvc.get().uri("/teams/" + team + "/sync").with(People.basic(fay))).hasStatusOk().bodyText()
            .contains("Saved, ends with …7Zq9").doesNotContain(FakeJira.TOKEN);
        var backup = mvc.get().uri("/api/v1/teams/" + team + "/exports/backup").with(People.basic(fay)).exchange();
        assertThat(backup).hasStatusOk();
        assertThat(SyncCalls.body(backup)).contains("jira:PAY-17").doesNotContain(FakeJira.TOKEN).doesNotContain(FakeJira.EMAIL);
        var stored = jdbc.sql("SELECT token_sealed FROM exchange_sync").query(String.class).list();
        assertThat(stored).isNotEmpty().allSatisfy(sealed -> assertThat(sealed).startsWith("v1:").doesNotContain(FakeJira.TOKEN));
        assertThat(output.getAll().substring(logged)).doesNotContain(FakeJira.TOKEN);
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sync").with(People.basic(ben))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void refusesPrivateLookingSettingsFieldByField() {
        var refused = mvc.put().uri("/api/v1/teams/" + team + "/sync").with(People.basic(fay))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"siteUrl\": \"ftp://jira.example\", \"accountEmail\": \"nobody\", \"apiToken\": \"\", \"jql\": \"\"}")
            .exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
            .contains("siteUrl", "A Jira site is an http:// or https:// URL.", "accountEmail", "apiToken", "jql");
        assertThat(mvc.post().uri("/teams/" + team + "/sync").param("siteUrl", "https://").param("accountEmail", "")
            .param("apiToken", "").param("jql", "x").with(People.basic(fay))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
            .hasStatusOk().bodyText().contains("id=\"accountEmail-error\"", "Give the email of the Atlassian account");
    }

    @Test
    void pullsOnItsScheduleAndResumesARunWhoseNodeStopped() {
        configure(team);
        var teamId = jdbc.sql("SELECT team_id FROM exchange_sync WHERE site_url = :site").param("site", jira.site())
            .query(Long.class).single();
        syncs.pullDue();
        assertThat(calls.runs(team)).as("never pulled: due at once").hasSize(1);
        clock.move(Duration.ofMinutes(9));
        syncs.pullDue();
        assertThat(calls.runs(team)).as("pulled 9 minutes ago").hasSize(1);
        clock.move(Duration.ofMinutes(1));
        syncs.pullDue();
        assertThat(calls.runs(team)).as("every 10 minutes").hasSize(2);

        // a node stopped after the first page: its run is running, its lease held by it for two more minutes
        jira.fields("PAY-19").put("summary", "Receipts by email and SMS");
        clock.move(Duration.ofMinutes(10));
        var stopped = jdbc.sql("""
                INSERT INTO exchange_sync_run (team_id, state, trigger_kind, pages, seen, next_page, started_at)
                VALUES (:team, 'running', 'scheduled', 1, 2, 'token:page-2', :now)
                """).param("team", teamId).param("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
            .update();
        assertThat(stopped).isEqualTo(1);
        jdbc.sql("UPDATE exchange_sync SET lease_node = 'gone', lease_until = :until WHERE team_id = :team")
            .param("until", java.time.OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(2)), java.time.ZoneOffset.UTC))
            .param("team", teamId).update();
        var before = jira.requests().size();
        syncs.pullDue();
        assertThat(jira.requests()).as("the other node's lease still holds").hasSize(before);
        clock.move(Duration.ofMinutes(3));
        syncs.pullDue();

        var resumed = jira.requests().subList(before, jira.requests().size());
        assertThat(resumed).singleElement().satisfies(request -> assertThat(request.query()).contains("nextPageToken=page-2"));
        assertThat(calls.runs(team)).hasSize(3);
        var run = calls.runs(team).get(0);
        assertThat(run.path("state").asString()).isEqualTo("done");
        assertThat(run.path("pages").asInt()).isEqualTo(2);
        assertThat(run.path("seen").asInt()).isEqualTo(3);
        assertThat(run.path("updated").asInt()).isEqualTo(1);
        assertThat(calls.backlog(team).get("jira:PAY-19")).startsWith("Receipts by email and SMS");
    }

    private void configure(String teamKey) {
        calls.configure(teamKey, """
                "kind": "jira", "siteUrl": "%s", "accountEmail": "%s", "apiToken": "%s", "jql": "project = PAY ORDER BY key",
                 "pointsField": "customfield_10016"
                """.formatted(jira.site(), FakeJira.EMAIL, FakeJira.TOKEN));
    }
}
