package dev.refinery.exchange;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.Status;
import dev.refinery.backlog.Workstreams;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports through the API as a client sees them, on each database (see the subclasses). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ImportApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A Jira "Export CSV (all fields)" file as Jira writes it: a BOM, CRLF, repeated Labels, wiki markup. */
    static final String JIRA = "\uFEFF" + """
            Summary,Issue key,Issue id,Issue Type,Status,Priority,Due date,Labels,Labels,Description,Custom field (Story Points),Custom field (Epic Link),Custom field (Acceptance Criteria)\r
            "Pay by SEPA, in Germany",PAY-17,10017,Story,To Do,High,24/Dec/26 12:00 AM,sepa,payments,"h2. Why\r
            Customers in *Germany* ask for it.\r
            # Store the mandate\r
            # Collect the payment",5,Checkout,"* A mandate is stored\r
            * Refunds work"\r
            Retry failed payouts,PAY-18,10018,Bug,Done,Low,,,,{code}retry(3){code},2.5,,\r
            """;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    @Autowired
    Workstreams workstreams;

    @Autowired
    ImportJobs imports;

    People people;
    Account ana;
    String team;

    @BeforeEach
    void team() {
        people = new People(accounts, mvc);
        ana = people.someone("Ana");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), ana.id());
    }

    @Test
    void importsAJiraExportWithEveryMappedField() {
        var job = finished(upload("jira.csv", "jira-csv", JIRA, null, false));

        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("added").asInt()).isEqualTo(2);
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        var sepa = items.find(team, team + "-1", ana.id()).content();
        assertThat(sepa.title()).isEqualTo("Pay by SEPA, in Germany");
        assertThat(sepa.description()).isEqualTo("## Why\nCustomers in **Germany** ask for it.\n1. Store the mandate\n1. Collect the payment");
        assertThat(sepa.estimate()).hasToString("5 pt");
        assertThat(sepa.labels()).containsExactlyInAnyOrder("sepa", "payments", "priority-high", "type:story");
        assertThat(sepa.deadline()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(sepa.status()).isEqualTo(Status.NEEDS_REFINEMENT);
        assertThat(sepa.workstream()).isEqualTo("Checkout");
        assertThat(sepa.acceptanceCriteria()).containsExactly(new Criterion("A mandate is stored", false),
                new Criterion("Refunds work", false));
        var payouts = items.find(team, team + "-2", ana.id()).content();
        assertThat(payouts.status()).isEqualTo(Status.DONE);
        assertThat(payouts.estimate()).hasToString("2.5 pt");
        assertThat(payouts.description()).contains("```", "retry(3)");
        assertThat(workstreams.of(team, ana.id())).extracting(w -> w.name()).containsExactly("Checkout");
    }

    @Test
    void importsAJiraExportSentToTheApiWithTheStatusMappingItsTeamChoseOnAPreview() throws InterruptedException {
        var export = SampleFiles.text("jira-export-2016.csv");
        var other = People.newKey();
        teams.create(new NewTeam("Other", other), ana.id());
        chooseOnAPreview(other, export, "done");
        chooseOnAPreview(team, export, "removed");

        var job = finished(upload("again.csv", "jira-csv", export.replace("SHOP-", "MORE-"), null, false));

        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(items.summaries(team, ana.id())).filteredOn(item -> item.title().equals("Pay with a saved card"))
            .extracting(item -> item.status()).as("Staging, as this team chose, not as the other team did")
            .containsExactly(Status.REMOVED, Status.REMOVED);
        var next = imports.upload(other, "jira-csv", "next.csv", export.getBytes(StandardCharsets.UTF_8), null, false, true,
                ana.id());
        assertThat(imports.filePreview(other, next.id(), null, ana.id()).status(
                new FileLayout.StatusName("Staging", Status.PLANNED))).isEqualTo(Status.DONE);
    }

    /** A file uploaded on the page, imported from its preview with Staging put where the person chose. */
    private void chooseOnAPreview(String teamKey, String file, String staging) throws InterruptedException {
        var job = imports.upload(teamKey, "jira-csv", "jira.csv", file.getBytes(StandardCharsets.UTF_8), null, false, true,
                ana.id());
        assertThat(job.status()).isEqualTo(ImportJob.Status.MAPPING);
        imports.map(teamKey, job.id(), Map.of(ImportChoices.statusField("Staging"), staging), ana.id());
        for (int wait = 0; wait < 600 && imports.find(teamKey, job.id(), ana.id()).status() != ImportJob.Status.DONE; wait++) {
            Thread.sleep(50);
        }
        assertThat(imports.find(teamKey, job.id(), ana.id()).status()).isEqualTo(ImportJob.Status.DONE);
    }

    @Test
    void addsNothingWhenTheSameFileArrivesAgain() {
        finished(upload("jira.csv", "jira-csv", JIRA, null, false));

        var again = finished(upload("jira.csv", "jira-csv", JIRA, null, false));

        assertThat(again.get("status").asString()).isEqualTo("done");
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("alreadyThere").asInt()).isEqualTo(2);
        assertThat(items.summaries(team, ana.id())).hasSize(2);
    }

    @Test
    void importsAnOldJiraLayoutWithEpicsAsNamedWorkstreamsAndSubTasksUnderTheirParents() {
        var job = finished(upload("jira-2016.csv", "jira-csv", SampleFiles.text("jira-export-2016.csv"), null, false));

        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("added").asInt()).isEqualTo(4);
        assertThat(job.get("message").asString()).contains("3 epics became workstreams, not items");
        assertThat(workstreams.of(team, ana.id())).extracting(w -> w.name()).containsExactlyInAnyOrder("Checkout",
                "Search that finds things: typo tolerance, synonyms and a ranking by what", "Returns and refunds", "SHOP-99");
        assertThat(items.summaries(team, ana.id())).extracting(summary -> summary.title())
            .containsExactly("Write the contract tests", "Pay with a saved card", "Typos find nothing", "Gift cards");
        var tests = items.find(team, team + "-1", ana.id()).content();
        assertThat(tests.splitFrom()).hasToString(team + "-2");
        assertThat(tests.workstream()).isEqualTo("Checkout");
        assertThat(tests.status()).isEqualTo(Status.DONE);
        assertThat(items.related(team, team + "-2", ana.id()).splits()).extracting(line -> line.title())
            .containsExactly("Write the contract tests");
        var card = items.find(team, team + "-2", ana.id()).content();
        assertThat(card.labels()).containsExactly("cards", "priority-high", "type:story", "component:API", "component:Web",
                "fix:2.3", "sprint:Sprint 11", "sprint:Sprint 12");
        assertThat(card.status()).as("Staging").isEqualTo(Status.PLANNED);
        assertThat(card.description()).isEqualTo("## Why\nCustomers pay **twice** a month.\n1. Keep the card\n1. Charge it");
        var typos = items.find(team, team + "-3", ana.id()).content();
        assertThat(typos.status()).as("Wishlist").isEqualTo(Status.DRAFT);
        assertThat(typos.labels()).contains("component:Payments EU", "sprint:Sprint 14 of the long winter");
        assertThat(items.find(team, team + "-4", ana.id()).content().status()).as("Won't Fix").isEqualTo(Status.REMOVED);

        var again = finished(upload("jira-2016.csv", "jira-csv", SampleFiles.text("jira-export-2016.csv"), null, false));

        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("alreadyThere").asInt()).isEqualTo(4);
        assertThat(items.summaries(team, ana.id())).hasSize(4);
        assertThat(workstreams.of(team, ana.id())).hasSize(4);
    }

    @Test
    void importsANewJiraLayoutByParentsStatusCategoriesAndStoryPointEstimates() {
        var job = finished(upload("jira-2026.csv", "jira-csv", SampleFiles.text("jira-export-2026.csv"), null, false));

        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("added").asInt()).isEqualTo(4);
        assertThat(job.get("message").asString()).contains("1 epic became a workstream, not an item",
                "1 story point value was rounded up to the next half point (row 6)");
        assertThat(workstreams.of(team, ana.id())).extracting(w -> w.name())
            .containsExactlyInAnyOrder("Mobile app", "Offline mode");
        assertThat(items.summaries(team, ana.id())).extracting(summary -> summary.title()).doesNotContain("Mobile app");
        var passkey = items.find(team, team + "-1", ana.id()).content();
        assertThat(passkey.workstream()).isEqualTo("Mobile app");
        assertThat(passkey.estimate()).hasToString("3 pt");
        assertThat(passkey.status()).as("Ready for QA, in progress").isEqualTo(Status.PLANNED);
        assertThat(passkey.labels()).containsExactly("ios", "android", "priority-high", "type:story", "component:auth",
                "fix:1.0", "sprint:APP Sprint 3", "sprint:APP Sprint 4");
        var store = items.find(team, team + "-2", ana.id()).content();
        assertThat(store.splitFrom()).hasToString(team + "-1");
        assertThat(store.status()).isEqualTo(Status.DONE);
        assertThat(items.find(team, team + "-3", ana.id()).content().workstream()).isEqualTo("Offline mode");
        var tablets = items.find(team, team + "-4", ana.id()).content();
        assertThat(tablets.status()).as("Won't Do, done").isEqualTo(Status.REMOVED);
        assertThat(tablets.estimate()).as("0.25 in Jira").hasToString("0.5 pt");
        assertThat(tablets.title()).as("a summary of Jira's 255 characters").hasSize(255).endsWith("larger tap areas for any button");

        var again = finished(upload("jira-2026.csv", "jira-csv", SampleFiles.text("jira-export-2026.csv"), null, false));

        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("alreadyThere").asInt()).isEqualTo(4);
    }

    @Test
    void importsAJiraExportWithMoreThanTwoThousandColumns() {
        var header = new StringBuilder("Summary,Issue key,Issue id,Issue Type,Status");
        for (int i = 1; i <= 2_100; i++) {
            header.append(",Custom field (Field ").append(i).append(')');
        }
        header.append(",Sprint,Sprint,Sprint");
        var file = new StringBuilder(header).append("\r\n");
        for (int row = 1; row <= 40; row++) {
            file.append("Story ").append(row).append(",WIDE-").append(row).append(',').append(30_000 + row).append(",Story,To Do")
                .append(",".repeat(2_100)).append(",Sprint 1,Sprint 2,\r\n");
        }

        var job = finished(upload("wide.csv", "jira-csv", file.toString(), null, false));

        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("added").asInt()).isEqualTo(40);
        assertThat(items.find(team, team + "-40", ana.id()).content().labels())
            .containsExactly("type:story", "sprint:Sprint 1", "sprint:Sprint 2");
    }

    @Test
    void refusesAFileWithABadRowWholeAndNamesTheRowUntilAskedForTheValidOnes() {
        var csv = """
                Title,Points,Key
                Export the queue,3,A-1
                Import from Jira,lots,A-2
                Back up a team,5,A-3
                """;

        var refused = finished(upload("items.csv", "csv", csv, "{\"Title\": \"title\", \"Points\": \"estimate\", \"Key\": \"key\"}", false));

        assertThat(refused.get("status").asString()).isEqualTo("refused");
        assertThat(refused.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(refused.get("errors").get(0).get("reason").asString()).contains("lots");
        assertThat(refused.get("message").asString()).isEqualTo("1 row has a problem (of 3): nothing was imported.");
        assertThat(items.summaries(team, ana.id())).isEmpty();

        var valid = finished(body(mvc.post().uri(imports() + "/" + refused.get("id").asLong() + "/valid-rows")
            .with(People.basic(ana)).exchange()));

        assertThat(valid.get("status").asString()).isEqualTo("done");
        assertThat(valid.get("added").asInt()).isEqualTo(2);
        assertThat(items.summaries(team, ana.id())).extracting(summary -> summary.title())
            .containsExactly("Export the queue", "Back up a team");
    }

    @Test
    void waitsForTheMappingOfACsvAndKeepsItForTheTeamsNextFile() {
        var csv = "Name;Notes;Tags\r\nExport the queue;\"Two lines,\r\nwith a comma\";csv, export\r\n";
        var waiting = body(upload("items.csv", "csv", csv, null, false));
        assertThat(waiting.get("status").asString()).isEqualTo("mapping");
        var id = waiting.get("id").asLong();

        var preview = body(mvc.get().uri(imports() + "/" + id + "/preview").with(People.basic(ana)).exchange());
        assertThat(preview.get("headers")).extracting(JsonNode::asString).containsExactly("Name", "Notes", "Tags");
        assertThat(preview.get("rows").get(0).get(1).asString()).startsWith("Two lines,").endsWith("with a comma");

        var unmapped = people.postJson(imports() + "/" + id + "/mapping", ana, "{\"Notes\": \"description\"}").exchange();
        assertThat(unmapped).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
            .isEqualTo("mapping");
        assertThat(people.postJson(imports() + "/" + id + "/mapping", ana, "{\"Name\": \"title\", \"Notes\": \"title\"}")
            .exchange()).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].message")
            .isEqualTo("Only one column can be the title; \"Notes\" is mapped to it as well as \"Name\".");

        var done = finished(body(people.postJson(imports() + "/" + id + "/mapping", ana,
                "{\"Name\": \"title\", \"Notes\": \"description\", \"Tags\": \"labels\"}").exchange()));
        assertThat(done.get("status").asString()).isEqualTo("done");
        var item = items.find(team, team + "-1", ana.id()).content();
        assertThat(item.description()).isEqualTo("Two lines,\nwith a comma");
        assertThat(item.labels()).containsExactly("csv", "export");

        var next = body(upload("more.csv", "csv", "Name;Notes\nAnother;x\n", null, false));
        var suggested = body(mvc.get().uri(imports() + "/" + next.get("id").asLong() + "/preview").with(People.basic(ana)).exchange());
        assertThat(suggested.get("mapping").get("Name").asString()).isEqualTo("title");
        assertThat(suggested.get("mapping").get("Notes").asString()).isEqualTo("description");
    }

    @Test
    void cancelledImportLeavesNothingBehind() {
        var rows = new StringBuilder("Title,Key\n");
        for (int i = 0; i < 30_000; i++) {
            rows.append("Item ").append(i).append(",K").append(i).append('\n');
        }
        var started = body(upload("big.csv", "csv", rows.toString(), "{\"Title\": \"title\", \"Key\": \"key\"}", false));

        assertThat(mvc.post().uri(imports() + "/" + started.get("id").asLong() + "/cancel").with(People.basic(ana)))
            .hasStatusOk();

        var cancelled = finished(started);
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("message").asString()).isEqualTo("Cancelled: nothing was imported.");
        assertThat(items.summaries(team, ana.id())).isEmpty();
    }

    @Test
    void importsGithubIssues() {
        var json = """
                [{"number": 7, "title": "Export the queue", "body": "As **CSV**", "state": "open",
                  "labels": [{"name": "export"}], "milestone": {"due_on": "2026-12-31T08:00:00Z"},
                  "repository_url": "https://api.github.com/repos/acme/shop"},
                 {"number": 8, "title": "A pull request", "state": "open", "pull_request": {"url": "x"}}]""";

        var job = finished(upload("issues.json", "github-json", json, null, false));

        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("added").asInt()).isEqualTo(1);
        var item = items.find(team, team + "-1", ana.id()).content();
        assertThat(item.title()).isEqualTo("Export the queue");
        assertThat(item.description()).isEqualTo("As **CSV**");
        assertThat(item.labels()).containsExactly("export");
        assertThat(item.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void importsWhatGhIssueListWritesAndAddsNothingTheSecondTime() {
        var job = finished(upload("issues.json", "github-json", SampleFiles.text("github-gh-cli.json"), null, false));

        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("added").asInt()).isEqualTo(4);
        assertThat(items.summaries(team, ana.id())).extracting(summary -> summary.title())
            .containsExactly("Guests are charged twice", "Dark mode", "Ship to Mars", "Search forgets the filter");
        var charged = items.find(team, team + "-1", ana.id()).content();
        assertThat(charged.labels()).containsExactly("bug", "Needs design review then a check by", "milestone:v2.0",
                "assignee:octocat", "assignee:hubot");
        assertThat(charged.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(charged.description()).startsWith("Guests pay twice when they go back.\n\n- [ ] One charge per order");
        assertThat(items.find(team, team + "-2", ana.id()).content().status()).isEqualTo(Status.DONE);
        assertThat(items.find(team, team + "-3", ana.id()).content().status()).as("not planned").isEqualTo(Status.REMOVED);
        assertThat(items.find(team, team + "-4", ana.id()).content().status()).as("reopened")
            .isEqualTo(Status.NEEDS_REFINEMENT);

        var again = finished(upload("issues.json", "github-json", SampleFiles.text("github-gh-cli.json"), null, false));

        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("alreadyThere").asInt()).isEqualTo(4);
        assertThat(items.summaries(team, ana.id())).hasSize(4);
    }

    @Test
    void importsTheRestApisIssuesWithTheirStateReasonsAssigneesAndLongLabels() {
        var job = finished(upload("issues.json", "github-json", SampleFiles.text("github-issues.json"), null, false));

        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("added").asInt()).as("a pull request passed over").isEqualTo(4);
        var checkout = items.find(team, team + "-1", ana.id()).content();
        assertThat(checkout.labels()).containsExactly("bug", "checkout", "milestone:v2.0", "assignee:octocat", "assignee:hubot");
        var invoices = items.find(team, team + "-3", ana.id()).content();
        assertThat(invoices.labels()).containsExactly("Needs design review then a check by", "milestone:Autumn");
        assertThat(items.find(team, team + "-4", ana.id()).content().status()).as("not planned").isEqualTo(Status.REMOVED);

        var again = finished(upload("issues.json", "github-json", SampleFiles.text("github-issues.json"), null, false));

        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("alreadyThere").asInt()).isEqualTo(4);
        assertThat(items.summaries(team, ana.id())).hasSize(4);
    }

    @Test
    void saysWhatIsWrongWithTheUploadItself() {
        assertThat(upload("x.csv", "excel", "a", null, false)).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("format");
        assertThat(upload("x.csv", "jira-csv", "", null, false)).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        assertThat(upload("x.csv", "csv", "Title\nx\n", "{\"Title\": \"the title\"}", false)).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("mapping.Title");

        var notJira = finished(upload("x.csv", "jira-csv", "Name,Points\nx,3\n", null, false));
        assertThat(notJira.get("status").asString()).isEqualTo("refused");
        assertThat(notJira.get("message").asString()).contains("Summary");
    }

    @Test
    void letsOnlyMembersWhoChangeTheBacklogImport() {
        var olga = people.someone("Olga");
        teams.add(team, new NewMember(olga.email(), "observer"), ana.id());
        var stranger = people.someone("Sam");

        assertThat(mvc.post().uri(imports()).with(People.basic(olga)).multipart().file("file", JIRA.getBytes(StandardCharsets.UTF_8))
            .param("format", "jira-csv")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(imports()).with(People.basic(stranger)).multipart().file("file", JIRA.getBytes(StandardCharsets.UTF_8))
            .param("format", "jira-csv")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(items.summaries(team, ana.id())).isEmpty();
    }

    private MvcTestResult upload(String name, String format, String content, String mapping, boolean validRowsOnly) {
        return calls().upload(name, format, content, mapping, validRowsOnly);
    }

    private JsonNode finished(MvcTestResult started) {
        return calls().finished(started);
    }

    private JsonNode finished(JsonNode job) {
        return calls().finished(job);
    }

    private String imports() {
        return calls().imports();
    }

    private ImportCalls calls() {
        return new ImportCalls(mvc, ana, team);
    }

    private static JsonNode body(MvcTestResult result) {
        return ImportCalls.body(result);
    }
}
