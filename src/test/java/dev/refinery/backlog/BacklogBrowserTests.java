package dev.refinery.backlog;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.People;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Refining one item on a phone: every section edited in place, until the item is ready (on each database). */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class BacklogBrowserTests {

    Browser browser;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    Workstreams workstreams;

    @Test
    void fillsEverySectionInPlaceAndWatchesTheItemBecomeReady() {
        var ana = new People(accounts, null).someone("Ana Analyst");
        var key = People.newKey();
        teams.create(new NewTeam("Checkout", key), ana.id());
        workstreams.create(key, "Payments", "Everything about paying", ana.id());

        try (var person = browser.person(base())) {
            var page = browser.signIn(person, ana.email(), People.PASSWORD);

            page.navigate("/teams/" + key + "/backlog");
            var newItem = page.locator("#new-item");
            newItem.getByLabel("Title").fill("Pay by SEPA direct debit");
            newItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create item")).click();
            assertThat(page).hasURL(Pattern.compile("/teams/" + key + "/items/" + key + "-\\d+$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pay by SEPA direct debit")))
                .isVisible();
            var readiness = page.locator("#readiness");
            assertThat(readiness).hasText("Not ready: missing: description, acceptance criteria, estimate");

            var description = edit(page, "description");
            description.getByLabel("Description (Markdown)").fill("Customers **cannot** pay by direct debit yet.");
            save(description);
            assertThat(description.locator(".markdown strong")).hasText("cannot");
            assertThat(readiness).hasText("Not ready: missing: acceptance criteria, estimate");

            var notes = edit(page, "technical-notes");
            notes.getByLabel("Technical notes (Markdown)").fill("Use the `mandates` table.");
            notes.locator("#linkLabel-0").fill("Design");
            notes.locator("#linkUrl-0").fill("https://example.com/design");
            save(notes);
            assertThat(notes.locator(".markdown code")).hasText("mandates");
            var link = notes.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Design"));
            assertThat(link).hasAttribute("href", "https://example.com/design");

            var criteria = edit(page, "acceptance-criteria");
            criteria.locator("#criterion-0").fill("A mandate can be signed online");
            criteria.locator("#criterion-1").fill("Payments are collected on the due date");
            criteria.locator("#done-0").check();
            save(criteria);
            assertThat(criteria.locator("ul.criteria li")).hasText(new String[] {
                    "☑ A mandate can be signed online", "☐ Payments are collected on the due date" });
            assertThat(criteria.locator("ul.criteria li.done")).hasText("☑ A mandate can be signed online");
            assertThat(readiness).hasText("Not ready: missing: estimate");

            var estimate = edit(page, "estimate");
            estimate.getByLabel("A number").check();
            estimate.getByLabel("Value").fill("abc");
            estimate.getByLabel("Unit").selectOption(new SelectOption().setLabel("Points"));
            save(estimate);
            assertThat(estimate.locator("#value-error")).hasText("A number, like 3 or 1.5.");
            assertThat(estimate.getByLabel("Value")).hasValue("abc");
            assertThat(estimate.getByLabel("Value")).hasAttribute("aria-invalid", "true");
            assertThat(estimate.getByLabel("A number")).isChecked();
            assertThat(readiness).hasText("Not ready: missing: estimate");
            estimate.getByLabel("Value").fill("3");
            save(estimate);
            assertThat(estimate.locator("p.big")).hasText("3 pt");
            assertThat(readiness).hasText("Ready");

            var importance = edit(page, "importance");
            importance.getByLabel("Business value").fill("8");
            importance.getByLabel("Time criticality").fill("5");
            importance.getByLabel("Risk reduction").fill("3");
            save(importance);
            assertThat(importance.locator("dd")).hasText(new String[] { "8", "5", "3" });

            var deadline = edit(page, "deadline");
            deadline.getByLabel("Deadline").fill("2027-03-31");
            deadline.getByLabel("Why it is time-sensitive").fill("The old payment provider shuts down");
            save(deadline);
            assertThat(deadline.locator("p.big")).hasText("2027-03-31");
            assertThat(deadline).containsText("The old payment provider shuts down");

            var details = edit(page, "details");
            details.getByLabel("Status").selectOption(new SelectOption().setLabel("Ready"));
            details.getByLabel("Workstream").selectOption(new SelectOption().setLabel("Payments"));
            details.getByLabel("Labels").fill("sepa, payments");
            save(details);
            assertThat(details.locator("dd")).hasText(new String[] { "Ready", "–", "Payments", "sepa payments" });
            assertThat(details.locator(".tag")).hasText(new String[] { "sepa", "payments" });
            assertThat(readiness).hasText("Ready");

            var history = page.locator("#history");
            assertThat(history).containsText("Estimate");
            assertThat(history).containsText("3 pt");
            assertThat(history).containsText("Ana Analyst");
            var estimateLine = history.locator("li").filter(new Locator.FilterOptions().setHasText("Estimate"));
            assertThat(estimateLine).hasCount(1);
            assertThat(estimateLine.locator(".after")).hasText("3 pt");
            assertThat(history.locator("li strong")).hasText(new String[] { "Workstream", "Labels", "Status",
                    "Deadline", "Deadline reason", "Importance", "Estimate", "Acceptance criteria", "Technical notes",
                    "Links", "Description", "Title" });
            assertThat(history.locator("li").first()).containsText("Ana Analyst");

            page.reload();
            assertThat(page.locator("#readiness")).hasText("Ready");
            assertThat(page.locator("#section-description .markdown strong")).hasText("cannot");
            assertThat(page.locator("#section-estimate p.big")).hasText("3 pt");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/item.png")).setFullPage(true));
        }
    }

    /** Opens a section's form in place and waits until htmx has swapped it in. */
    private static Locator edit(Page page, String code) {
        var section = page.locator("#section-" + code);
        section.locator("a.edit").click();
        assertThat(section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))).isVisible();
        return section;
    }

    /** Sends a section's form; the caller waits for what the swapped section shows. */
    private static void save(Locator section) {
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
