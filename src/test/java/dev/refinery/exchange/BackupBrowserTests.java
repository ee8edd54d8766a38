package dev.refinery.exchange;

import java.nio.file.Files;
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

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.backlog.Workstreams;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A facilitator downloads a team's backup and restores it into a new team, in a browser without JavaScript. */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BackupBrowserTests {

    Browser browser;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    Workstreams workstreams;

    @Autowired
    BacklogItems items;

    @Test
    void downloadsABackupAndRestoresItIntoANewTeamWithPlainFormsAndLinks() throws Exception {
        var fay = new People(accounts, null).someone("Fay Facilitator");
        var source = People.newKey();
        teams.create(new NewTeam("Checkout", source), fay.id());
        workstreams.create(source, "Payments", "Everything about paying", fay.id());
        items.create(source, ItemPatch.empty().title("Pay by SEPA").workstream("Payments"), fay);
        items.create(source, ItemPatch.empty().title("Refunds"), fay);
        var target = People.newKey();
        teams.create(new NewTeam("Checkout again", target), fay.id());

        try (var person = browser.personWithoutJavaScript("http://localhost:" + port)) {
            var page = browser.signIn(person, fay.email(), People.PASSWORD);
            page.navigate("/teams/" + source);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export and backup")).click();
            var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("backup (JSON)")).click());
            assertThat(download.suggestedFilename()).matches(source + "-backup-\\d{4}-\\d{2}-\\d{2}\\.json");
            var file = Files.createTempFile("backup", ".json");
            download.saveAs(file);

            page.navigate("/teams/" + target + "/restore");
            page.getByLabel("Backup file (JSON)").setInputFiles(file);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile("/teams/" + target + "/restore\\?restored="));
            assertThat(page.locator("#restored")).hasText("Restored 2 items, 1 workstream, 0 custom fields and 0 pins from the backup.");

            page.getByLabel("Backup file (JSON)").setInputFiles(file);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore").setExact(true)).click();
            assertThat(page.locator("#backup-error")).containsText("only into an empty team");

            page.navigate("/teams/" + target + "/backlog");
            assertThat(page.getByText("Pay by SEPA")).isVisible();
            Files.deleteIfExists(file);
        }
    }
}
