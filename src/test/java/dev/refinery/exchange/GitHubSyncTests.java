package dev.refinery.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync with a GitHub repository that answers in the test ({@link FakeGitHub}), through the API and the pages as a
 * facilitator uses them. The schedule and the outbox's worker are off: the tests run them, and move the clock instead
 * of waiting.
 */
abstract class GitHubSyncTests extends TrackerSyncFixture {

    static final String BODY = """
            ## Why
            Customers ask for it, see #3.

            - [ ] IBAN checked
            - [ ] Mandate stored

            ```json
            {"scheme": "sepa"}
            ```""";

    FakeGitHub github;

    @Override
    String teamName() {
        return "Shop";
    }

    @BeforeEach
    void gitHub() throws Exception {
        github = new FakeGitHub();
        github.issue(7, "Pay by SEPA", BODY, "open", null, "refine", "estimate: 3");
        github.issue(8, "Refund to card", null, "open", null, "payments", "refine");
        github.pullRequest(9, "Add SEPA mandate table", "refine");
        github.issue(10, "Dark mode", "Later", "open", null, "idea");
        github.issue(11, "Receipts by email", "", "closed", "completed", "refine");
        deliveries.deliverDue();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void pullCreatesTheItemsAGitHubImportOfTheSameIssuesCreatesAndNoDuplicatesAfterAnImport() {
        var imported = People.newKey();
        teams.create(new NewTeam("Shop (file)", imported), fay.id());
        var file = FakeGitHub.JSON.createArrayNode();
        List.of(7, 8, 9, 11).forEach(number -> file.add(github.issue(number)));
        var importCalls = new ImportCalls(mvc, fay, imported);
        assertThat(importCalls.finished(importCalls.upload("issues.json", "github-json", file.toString(), null, false))
            .path("status").asString()).isEqualTo("done");

        configure(team);
        var run = calls.pull(team);

        assertThat(run.path("state").asString()).isEqualTo("done");
        assertThat(run.path("created").asInt()).isEqualTo(3);
        assertThat(run.path("pages").asInt()).as("two issues a page, the pull request among them").isEqualTo(2);
        assertThat(run.path("seen").asInt()).as("the pull request is no issue").isEqualTo(3);
        var pulled = calls.backlog(team);
        var fromFile = calls.backlog(imported);
        assertThat(pulled.keySet()).containsExactly("github:acme/shop#11", "github:acme/shop#7", "github:acme/shop#8");
        assertThat(pulled.keySet()).isEqualTo(fromFile.keySet());
        assertThat(pulled.get("github:acme/shop#8")).isEqualTo(fromFile.get("github:acme/shop#8"))
            .isEqualTo("Refund to card | needs-refinement | no estimate | null | [payments, refine]");
        assertThat(pulled.get("github:acme/shop#11")).isEqualTo(fromFile.get("github:acme/shop#11")).startsWith("Receipts by email | done");
        assertThat(pulled.get("github:acme/shop#7")).as("the estimate label is the estimate")
            .isEqualTo("Pay by SEPA | needs-refinement | 3 pt | null | [refine]");
        assertThat(items.find(team, calls.key(team, "github:acme/shop#7"), fay.id()).content().description())
            .as("the body stays Markdown").isEqualTo(BODY);
        var lists = github.requests().stream().filter(request -> request.path().equals("/repos/acme/shop/issues")).toList();
        assertThat(lists).hasSize(2);
        assertThat(lists.get(0).query()).contains("state=all", "labels=refine");
        assertThat(lists.get(1).query()).contains("page=2");
        assertThat(lists).allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer " + FakeGitHub.TOKEN));

        // the team that imported the file switches to sync: the same items, updated, none added
        configure(imported);
        github.issue(8).put("title", "Refund to the card used");
        var switched = calls.pull(imported);
        assertThat(switched.path("created").asInt()).isZero();
        assertThat(calls.backlog(imported)).hasSize(3);
        assertThat(calls.backlog(imported).get("github:acme/shop#8")).startsWith("Refund to the card used | needs-refinement");
        assertThat(calls.backlog(imported).get("github:acme/shop#7")).startsWith("Pay by SEPA | needs-refinement | 3 pt");
    }

    @Test
    void writesAnAgreedEstimateAsTheLabelInPlaceOfTheOldOneAndTheItemSaysSo() {
        configure(team);
        calls.pull(team);
        var item = calls.key(team, "github:acme/shop#7");
        var before = github.requests().size();
        agree(item, "8");

        assertThat(deliveries.deliverDue()).isEqualTo(1);

        assertThat(github.labels(7)).containsExactly("refine", "estimate: 8");
        var sent = github.requests().subList(before, github.requests().size());
        assertThat(sent).extracting(request -> request.method() + " " + request.path()).containsExactly(
                "GET /repos/acme/shop/issues/7/labels", "DELETE /repos/acme/shop/issues/7/labels/estimate%3A%203",
                "POST /repos/acme/shop/issues/7/labels");
        assertThat(FakeGitHub.JSON.readTree(sent.get(2).body())).isEqualTo(FakeGitHub.JSON.readTree("{\"labels\": [\"estimate: 8\"]}"));
        clock.move(Duration.ofMinutes(2));
        assertThat(mvc.get().uri("/teams/" + team + "/items/" + item + "/sync").with(People.basic(ben)))
            .hasStatusOk().bodyText().contains("GitHub acme/shop#7", "Estimate sent to GitHub 2 min ago.");

        // GitHub now holds 8 as Refinery does: the next pull finds nothing to change and no conflict
        var next = calls.pull(team);
        assertThat(next.path("conflicts").asInt()).isZero();
        assertThat(next.path("updated").asInt()).isZero();
        assertThat(calls.backlog(team).get("github:acme/shop#7")).contains("| 8 pt |");
    }

    @Test
    void aFailedPushIsRetriedAndTheItemShowsTheError() {
        configure(team);
        calls.pull(team);
        var item = calls.key(team, "github:acme/shop#8");
        github.acceptOnly("github_pat_a-newer-one");
        agree(item, "5");

        deliveries.deliverDue();

        assertThat(mvc.get().uri("/teams/" + team + "/items/" + item + "/sync").with(People.basic(ben))).hasStatusOk()
            .bodyText().contains("Sending the estimate to GitHub failed just now (GitHub refused the token: it is wrong, "
                    + "expired or revoked.): it is tried again.");
        assertThat(github.labels(8)).containsExactly("payments", "refine");
        github.acceptOnly(FakeGitHub.TOKEN);
        clock.move(Duration.ofMinutes(1));
        assertThat(deliveries.deliverDue()).isEqualTo(1);
        assertThat(github.labels(8)).containsExactly("payments", "refine", "estimate: 5");
    }

    @Test
    void aPushRefusedForASpentRateLimitIsTriedAgainOnlyAfterTheReset() {
        configure(team);
        calls.pull(team);
        var item = calls.key(team, "github:acme/shop#8");
        github.rateLimited(clock.instant().plus(Duration.ofMinutes(30)).getEpochSecond());
        agree(item, "2");

        deliveries.deliverDue();

        assertThat(mvc.get().uri("/teams/" + team + "/items/" + item + "/sync").with(People.basic(ben))).hasStatusOk()
            .bodyText().contains("Sending the estimate to GitHub failed just now (GitHub's rate limit for this token is spent");
        github.rateLimitOver();
        var asked = github.requests().size();
        clock.move(Duration.ofMinutes(20));
        assertThat(deliveries.deliverDue()).as("not before the reset").isZero();
        assertThat(github.requests()).hasSize(asked);
        clock.move(Duration.ofMinutes(11));
        assertThat(deliveries.deliverDue()).isEqualTo(1);
        assertThat(github.labels(8)).containsExactly("payments", "refine", "estimate: 2");
    }

    @Test
    void aFieldChangedOnBothSidesIsAConflictThatThePersonResolves() {
        configure(team);
        calls.pull(team);
        var item = calls.key(team, "github:acme/shop#7");
        var view = items.find(team, item, fay.id());
        items.edit(team, item, view.item().version(), ItemPatch.empty().title("Pay by SEPA direct debit"), fay);
        github.issue(7).put("title", "Pay by SEPA Instant");
        github.issue(8).put("body", "Only to the card used.");

        var run = calls.pull(team);

        assertThat(run.path("conflicts").asInt()).isEqualTo(1);
        assertThat(run.path("updated").asInt()).as("#8 changed on GitHub only").isEqualTo(1);
        assertThat(items.find(team, item, fay.id()).content().title()).isEqualTo("Pay by SEPA direct debit");
        assertThat(mvc.get().uri("/teams/" + team + "/sync").with(People.basic(fay))).hasStatusOk().bodyText()
            .contains("Sync with GitHub", "1 conflict to resolve", "Open conflicts: 1");
        assertThat(mvc.get().uri("/teams/" + team + "/items/" + item + "/sync").header("HX-Request", "true")
            .with(People.basic(ben))).hasStatusOk().bodyText().contains("Conflict: Title", "GitHub says:",
                    "Pay by SEPA Instant", "Here:", "Pay by SEPA direct debit", "Keep ours", "Take GitHub's");

        var conflict = FakeGitHub.JSON.readTree(SyncCalls.body(mvc.get().uri("/api/v1/teams/" + team + "/sync/conflicts")
            .with(People.basic(fay)).exchange())).get(0).path("id").asLong();
        var version = items.find(team, item, fay.id()).item().version();
        assertThat(mvc.post().uri("/api/v1/teams/" + team + "/sync/conflicts/" + conflict + "/resolution")
            .with(People.basic(ben)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"choice\": \"theirs\", \"itemVersion\": " + version + "}")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(items.find(team, item, fay.id()).content().title()).isEqualTo("Pay by SEPA Instant");
        assertThat(items.find(team, calls.key(team, "github:acme/shop#8"), fay.id()).content().description())
            .isEqualTo("Only to the card used.");
    }

    @Test
    void aTokenGitHubRefusesFailsThePullWithThatMessage() {
        configure(team);
        github.acceptOnly("github_pat_a-newer-one");

        var run = calls.pull(team);

        assertThat(run.path("state").asString()).isEqualTo("failed");
        assertThat(run.path("error").asString()).isEqualTo("GitHub refused the token: it is wrong, expired or revoked.");
        assertThat(mvc.get().uri("/teams/" + team + "/sync").with(People.basic(fay))).hasStatusOk().bodyText()
            .contains("Last pull failed", "GitHub refused the token: it is wrong, expired or revoked.");
        assertThat(calls.backlog(team)).isEmpty();
    }

    @Test
    void waitsForASpentRateLimitAndGoesOnWhereItStoppedAfterTheReset() {
        configure(team);
        var reset = clock.instant().plus(Duration.ofMinutes(15));
        github.rateLimited(reset.getEpochSecond());

        var started = syncs.syncNow(team, fay.id());
        var run = calls.run(team, started.id());
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (run.path("error").isNull() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            run = calls.run(team, started.id());
        }

        assertThat(run.path("state").asString()).isEqualTo("running");
        assertThat(run.path("error").asString()).contains("rate limit", reset.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        assertThat(mvc.get().uri("/teams/" + team + "/sync").with(People.basic(fay))).hasStatusOk().bodyText()
            .contains("Pulling…", "GitHub's rate limit for this token is spent");
        github.rateLimitOver();
        var asked = github.requests().size();
        clock.move(Duration.ofMinutes(10));
        syncs.pullDue();
        assertThat(github.requests()).as("not before the reset").hasSize(asked);

        clock.move(Duration.ofMinutes(6));
        syncs.pullDue();

        run = calls.run(team, started.id());
        assertThat(run.path("state").asString()).isEqualTo("done");
        assertThat(run.path("error").isNull()).isTrue();
        assertThat(run.path("created").asInt()).isEqualTo(3);
        assertThat(calls.runs(team)).hasSize(1);
    }

    @Test
    void theTokenIsNeverShownAgainAndIsStoredSealed() {
        configure(team);

        var settings = mvc.get().uri("/api/v1/teams/" + team + "/sync").with(People.basic(fay)).exchange();
        assertThat(settings).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"kind": "github", "repository": "acme/shop", "labelFilter": "refine", "tokenEnds": "Xk42"}
                """);
        assertThat(SyncCalls.body(settings)).doesNotContain(FakeGitHub.TOKEN);
        assertThat(mvc.get().uri("/teams/" + team + "/sync").with(People.basic(fay))).hasStatusOk().bodyText()
            .contains("Sync with GitHub", "Saved, ends with …Xk42", "value=\"acme/shop\"").doesNotContain(FakeGitHub.TOKEN);
        calls.pull(team);
        var backup = mvc.get().uri("/api/v1/teams/" + team + "/exports/backup").with(People.basic(fay)).exchange();
        assertThat(backup).hasStatusOk();
        assertThat(SyncCalls.body(backup)).contains("github:acme/shop#7").doesNotContain(FakeGitHub.TOKEN);
        var stored = jdbc.sql("SELECT token_sealed FROM exchange_sync").query(String.class).list();
        assertThat(stored).isNotEmpty().allSatisfy(sealed -> assertThat(sealed).startsWith("v1:").doesNotContain(FakeGitHub.TOKEN));
    }

    @Test
    void aTeamThatSwitchesFromJiraGivesAGitHubTokenAndLeavesJirasConflictsBehind() {
        calls.configure(team, """
                "kind": "jira", "siteUrl": "%s", "accountEmail": "fay@example.com", "apiToken": "jira-token-1234",
                "jql": "project = PAY"
                """.formatted(github.api()));
        var teamId = jdbc.sql("SELECT team_id FROM exchange_sync WHERE kind = 'jira' AND site_url = :site")
            .param("site", github.api()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO exchange_sync_conflict (team_id, item_key, field, theirs, ours, found_at)
                VALUES (:team, 'X-1', 'title', 'Jira', 'Here', CURRENT_TIMESTAMP)
                """).param("team", teamId).update();
        var version = FakeGitHub.JSON.readTree(SyncCalls.body(mvc.get().uri("/api/v1/teams/" + team + "/sync")
            .with(People.basic(fay)).exchange())).path("version").asInt();

        assertThat(mvc.put().uri("/api/v1/teams/" + team + "/sync").with(People.basic(fay))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"kind\": \"github\", \"repository\": \"acme/shop\", \"apiToken\": \"\", \"version\": " + version + "}"))
            .as("Jira's token is no GitHub token").hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("apiToken");
        configure(team);

        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sync/conflicts").with(People.basic(fay))).hasStatusOk()
            .bodyJson().isEqualTo("[]");
        assertThat(calls.pull(team).path("created").asInt()).isEqualTo(3);
    }

    @Test
    void anotherRepositoryLeavesThePulledValuesAndConflictsOfTheFormerBehind() {
        configure(team);
        calls.pull(team);
        var teamId = jdbc.sql("SELECT id FROM identity_team WHERE team_key = :key").param("key", team).query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_sync_item WHERE team_id = :team").param("team", teamId)
            .query(Long.class).single()).as("what the pull read of acme/shop").isPositive();
        jdbc.sql("""
                INSERT INTO exchange_sync_conflict (team_id, item_key, field, theirs, ours, found_at)
                VALUES (:team, 'X-1', 'title', 'GitHub', 'Here', CURRENT_TIMESTAMP)
                """).param("team", teamId).update();
        calls.configure(team, """
                "kind": "github", "siteUrl": "%s", "repository": "acme/shop", "apiToken": "", "labelFilter": "other"
                """.formatted(github.api()));
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sync/conflicts").with(People.basic(fay))).hasStatusOk()
            .bodyText().as("another label filter of the same repository keeps them").contains("X-1");

        calls.configure(team, """
                "kind": "github", "siteUrl": "%s", "repository": "acme/other", "apiToken": ""
                """.formatted(github.api()));
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sync/conflicts").with(People.basic(fay))).hasStatusOk()
            .bodyJson().isEqualTo("[]");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_sync_item WHERE team_id = :team").param("team", teamId)
            .query(Long.class).single()).as("nothing pulled from acme/shop is kept for acme/other").isZero();
    }

    @Test
    void refusesWrongSettingsFieldByField() {
        assertThat(mvc.put().uri("/api/v1/teams/" + team + "/sync").with(People.basic(fay))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"kind\": \"github\", \"siteUrl\": \"ftp://github.example\", \"repository\": \"shop\", \"apiToken\": \"\"}"))
            .hasStatus(HttpStatus.BAD_REQUEST).bodyText()
            .contains("siteUrl", "GitHub's API address is an http:// or https:// URL.", "repository",
                    "Give the repository as owner/name", "apiToken");
        assertThat(mvc.get().uri("/teams/" + team + "/sync?kind=github").with(People.basic(fay))).hasStatusOk().bodyText()
            .contains("name=\"repository\"", "name=\"labelFilter\"", "value=\"https://api.github.com\"")
            .doesNotContain("name=\"jql\"");
        assertThat(mvc.post().uri("/teams/" + team + "/sync").param("kind", "github").param("repository", "not a repository")
            .param("siteUrl", "").param("apiToken", "").with(People.basic(fay))
            .with(SecurityMockMvcRequestPostProcessors.csrf()))
            .hasStatusOk().bodyText().contains("id=\"repository-error\"", "Give the repository as owner/name",
                    "id=\"apiToken-error\"", "value=\"not a repository\"");
    }

    private void configure(String teamKey) {
        calls.configure(teamKey, """
                "kind": "github", "siteUrl": "%s", "repository": "acme/shop", "apiToken": "%s", "labelFilter": "refine"
                """.formatted(github.api(), FakeGitHub.TOKEN));
    }

    private void agree(String item, String card) {
        var round = poker.open(team, item, fay).id();
        poker.cast(team, item, round, card, fay);
        poker.reveal(team, item, round, fay.id());
        poker.agree(team, item, round, card, fay);
    }
}
