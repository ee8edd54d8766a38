package dev.refinery.exchange;

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

import dev.refinery.backlog.ItemImports;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A facilitator connects the team to a GitHub repository (a local server answering like GitHub's REST API) on the sync
 * page in a browser, is told next to the field what is wrong, pulls, and watches the progress reach the end.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GitHubSyncBrowserTests {

    Browser browser;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    ItemImports imports;

    @Test
    void connectsARepositoryPullsItsIssuesAndShowsTheProgress() throws Exception {
        var fay = new People(accounts, null).someone("Fay Facilitator");
        var key = People.newKey();
        teams.create(new NewTeam("Shop", key), fay.id());

        try (var github = new FakeGitHub(); var person = browser.person("http://localhost:" + port)) {
            github.issue(7, "Pay by SEPA", "## Why\n\nCustomers ask.", "open", null, "refine", "estimate: 3");
            github.issue(8, "Refund to card", null, "open", null, "refine");
            github.pullRequest(9, "Add SEPA mandate table", "refine");
            github.issue(10, "Dark mode", null, "open", null, "idea");
            var page = browser.signIn(person, fay.email(), People.PASSWORD);
            page.navigate("/teams/" + key);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sync with Jira or GitHub")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("GitHub")).click();

            page.getByLabel("Repository").fill("shop");
            page.getByLabel("Token").fill(FakeGitHub.TOKEN);
            page.getByLabel("Label filter").fill("refine");
            page.getByLabel("GitHub API address").fill(github.api());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#repository-error")).containsText("Give the repository as owner/name, such as acme/shop.");
            assertThat(page.getByLabel("Repository")).hasValue("shop");
            assertThat(page.getByLabel("Token")).hasValue("");

            page.getByLabel("Repository").fill("acme/shop");
            page.getByLabel("Token").fill(FakeGitHub.TOKEN);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page).hasURL(Pattern.compile("/teams/" + key + "/sync\\?notice=saved$"));
            assertThat(page.locator("h1")).hasText("Sync with GitHub");
            assertThat(page.locator("#apiToken-hint")).hasText("Saved, ends with …Xk42. Leave empty to keep it.");
            assertThat(page.locator("#sync-never")).hasText("Not pulled yet.");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now")).click();
            assertThat(page.locator("#sync-state")).containsText("Last pull done",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(page.locator("#sync-state")).containsText("2 pages");
            assertThat(page.locator("#sync-state")).containsText("2 issues seen");
            assertThat(page.locator("#sync-state")).containsText("2 created");

            var item = imports.byExternalKey(key, fay.id()).get("github:acme/shop#7");
            assertThat(item).isNotNull();
            page.navigate("/teams/" + key + "/items/" + item + "/sync");
            assertThat(page.locator("#item-sync h2")).hasText("GitHub acme/shop#7");
            assertThat(page.content()).doesNotContain(FakeGitHub.TOKEN);
        }
    }
}
