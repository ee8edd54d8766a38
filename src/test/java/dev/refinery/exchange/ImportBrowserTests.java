package dev.refinery.exchange;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.ItemSummary;
import dev.refinery.backlog.Status;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing a file on a phone: the mapping step of a CSV, the preview of a Jira export with its statuses mapped
 * and of GitHub issues with their task lists, and the progress of a large file, cancelled.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportBrowserTests {

    Browser browser;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    @Test
    void mapsTheColumnsOfACsvFromAPreviewOfItsFirstRows() {
        var ana = new People(accounts, null).someone("Ana Analyst");
        var key = People.newKey();
        teams.create(new NewTeam("Checkout", key), ana.id());
        var csv = """
                Story,Size,Notes
                Pay by SEPA,5,"Germany asks for it, often"
                Pay by invoice,3,
                """;

        try (var person = browser.person(base())) {
            var page = browser.signIn(person, ana.email(), People.PASSWORD);
            page.navigate("/teams/" + key + "/imports");
            page.getByLabel("CSV, with a mapping of its columns").check();
            page.getByLabel("File").setInputFiles(file("items.csv", csv));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Where does each column go?"))).isVisible();
            assertThat(page.locator("table.preview tbody tr")).hasCount(2);
            assertThat(page.locator("table.preview tbody tr").first()).containsText("Germany asks for it, often");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
            assertThat(page.locator("#mapping-error")).hasText("Choose the column that holds the title: every item needs one.");

            page.getByLabel("Story").selectOption("title");
            page.getByLabel("Size").selectOption("estimate");
            page.getByLabel("Notes").selectOption("description");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();

            assertThat(page.locator(".import-state")).hasText("2 items imported.");
            assertThat(items.find(key, key + "-1", ana.id()).content().description()).isEqualTo("Germany asks for it, often");
            assertThat(items.find(key, key + "-1", ana.id()).content().estimate()).hasToString("5 pt");

            page.navigate("/teams/" + key + "/imports");
            page.getByLabel("CSV, with a mapping of its columns").check();
            page.getByLabel("File").setInputFiles(file("more.csv", "Story,Size,Notes\nPay by card,8,\n"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
            assertThat(page.getByLabel("Story")).hasValue("title");
            assertThat(page.getByLabel("Size")).hasValue("estimate");
        }
    }

    @Test
    void showsTheProgressOfALargeFileAcrossAReloadAndCancelsItLeavingNothing() {
        var ana = new People(accounts, null).someone("Ana Analyst");
        var key = People.newKey();
        teams.create(new NewTeam("Checkout", key), ana.id());
        var jira = new StringBuilder("Summary,Issue key,Status,Description\r\n");
        for (int i = 0; i < 60_000; i++) {
            jira.append("Story ").append(i).append(",BIG-").append(i).append(",To Do,\"h2. Why\r\n*bold* ").append(i).append("\"\r\n");
        }

        try (var person = browser.person(base())) {
            var page = browser.signIn(person, ana.email(), People.PASSWORD);
            page.navigate("/teams/" + key + "/imports");
            page.getByLabel("Jira CSV export").check();
            page.getByLabel("File").setInputFiles(file("jira.csv", jira.toString()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
            assertThat(page.locator("#preview-counts")).containsText("60000 issues in jira.csv: 60000 new");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();

            assertThat(page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Import progress"))).isVisible();
            assertThat(page.locator(".import-state")).hasText(Pattern.compile("Waiting to start…|Checking 60000 rows…|Importing: \\d+ of 60000 rows\\."));
            page.reload();
            assertThat(page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Import progress"))).isVisible();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel import")).click();

            assertThat(page.locator(".import-state")).hasText("Cancelled: nothing was imported.");
            assertThat(page.getByRole(AriaRole.PROGRESSBAR)).hasCount(0);
            assertThat(items.summaries(key, ana.id())).isEmpty();
        }
    }

    @Test
    void previewsAJiraExportAndImportsItWithTheStatusesAndLabelsThePersonChose() {
        var ana = new People(accounts, null).someone("Ana Analyst");
        var key = People.newKey();
        teams.create(new NewTeam("Shop", key), ana.id());
        var export = SampleFiles.text("jira-export-2016.csv");

        try (var person = browser.person(base())) {
            var page = browser.signIn(person, ana.email(), People.PASSWORD);
            upload(page, key, "Jira CSV export", file("jira.csv", export));

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What will be imported?"))).isVisible();
            assertThat(page.locator("#preview-counts")).containsText("4 issues in jira.csv: 4 new, 0 already in the backlog");
            assertThat(page.locator("#preview-notes")).containsText("3 epics became workstreams, not items");
            assertThat(page.locator("#preview-columns")).containsText("Custom field (Epic Link)");
            assertThat(page.locator("#preview-items tbody tr").nth(1)).containsText("Pay with a saved card");
            assertThat(page.locator("#preview-items tbody tr").nth(1)).containsText("Planned");
            assertThat(page.getByLabel("Staging", new Page.GetByLabelOptions().setExact(true))).hasValue("planned");
            assertThat(page.getByLabel("Wishlist", new Page.GetByLabelOptions().setExact(true))).hasValue("draft");

            page.getByLabel("Staging", new Page.GetByLabelOptions().setExact(true)).selectOption("done");
            page.getByLabel("Labels: Sprints as sprint:…").uncheck();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the preview again")).click();
            assertThat(page.locator("#preview-items tbody tr").nth(1)).containsText("Done");
            assertThat(page.locator("#preview-items tbody tr").nth(1)).not().containsText("sprint:");
            assertThat(page.locator("#preview-ignored")).containsText("Sprint");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
            assertThat(page.locator(".import-state")).containsText("4 items imported");
            var card = items.summaries(key, ana.id()).stream().filter(item -> item.title().equals("Pay with a saved card"))
                .findFirst().orElseThrow();
            assertThat(card.status()).isEqualTo(Status.DONE);
            assertThat(card.workstream()).isEqualTo("Checkout");
            assertThat(items.find(key, card.key().toString(), ana.id()).content().labels())
                .containsExactly("cards", "priority-high", "type:story", "component:API", "component:Web", "fix:2.3");
            assertThat(items.summaries(key, ana.id())).filteredOn(item -> item.title().equals("Typos find nothing"))
                .extracting(ItemSummary::status).containsExactly(Status.DRAFT);

            upload(page, key, "Jira CSV export", file("again.csv", export));
            assertThat(page.locator("#preview-counts")).containsText("4 issues in again.csv: 0 new, 4 already in the backlog");
            assertThat(page.getByLabel("Staging", new Page.GetByLabelOptions().setExact(true))).hasValue("done");
        }
    }

    @Test
    void previewsGithubIssuesAndTakesTheirTaskListsAsAcceptanceCriteriaWhenThePersonChooses() {
        var ana = new People(accounts, null).someone("Ana Analyst");
        var key = People.newKey();
        teams.create(new NewTeam("Shop", key), ana.id());
        var issues = """
                [{"number": 12, "title": "Pay by card", "state": "open", "createdAt": "2026-11-01T10:00:00Z",
                  "url": "https://github.com/octo/shop/issues/12",
                  "body": "Cards we take\\n- [ ] Visa\\n- [x] Mastercard"}]""";

        try (var person = browser.person(base())) {
            var page = browser.signIn(person, ana.email(), People.PASSWORD);
            upload(page, key, "GitHub issues (JSON from the REST API or gh issue list --json)",
                    new FilePayload("issues.json", "application/json", issues.getBytes(StandardCharsets.UTF_8)));

            assertThat(page.locator("#preview-counts")).containsText("1 issue in issues.json: 1 new");
            assertThat(page.locator("#preview-ignored")).containsText("createdAt");
            assertThat(page.locator("#preview-items tbody tr").first()).containsText("- [ ] Visa");

            page.getByLabel("Task lists (- [ ] and - [x]) as acceptance criteria").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the preview again")).click();
            assertThat(page.locator("#preview-items tbody tr").first()).containsText("[x] Mastercard");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
            assertThat(page.locator(".import-state")).containsText("1 item imported");
            var card = items.find(key, key + "-1", ana.id()).content();
            assertThat(card.acceptanceCriteria()).containsExactly(new Criterion("Visa", false), new Criterion("Mastercard", true));
            assertThat(card.description()).isEqualTo("Cards we take");
        }
    }

    private static void upload(Page page, String team, String kind, FilePayload file) {
        page.navigate("/teams/" + team + "/imports");
        page.getByLabel(kind).check();
        page.getByLabel("File").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
    }

    private static FilePayload file(String name, String content) {
        return new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
