package dev.refinery.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.backlog.Status;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.AxeCheck;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;
import dev.refinery.shared.MovableClock;

/**
 * A product manager records what an item really took, reads each report with its chart's table, and sees a deadline at
 * risk on the queue; every report page passes axe and fits a phone.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MovableClock.Replacing.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReportsBrowserTests {

    Browser browser;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    @Autowired
    Reports reports;

    @Autowired
    MovableClock clock;

    @Test
    void recordsAnActualReadsEachReportAndSeesTheDeadlineAtRiskOnTheQueue() {
        var pia = new People(accounts, null).someone("Pia Product");
        var team = People.newKey();
        teams.create(new NewTeam("Checkout", team), pia.id());
        var start = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        reports.configure(team, 1, start, "UTC", 0, pia.id());
        for (int iteration = 0; iteration < 3; iteration++) {
            done(team, create(team, "Shipped " + iteration, 8, null, pia), 3, pia);
            clock.move(Duration.ofDays(7));
        }
        var measured = create(team, "Card on file", 3, null, pia);
        var deadline = start.plusDays(3 * 7 + 6);
        var urgent = create(team, "Invoice before the audit", 20, deadline, pia);
        var badge = "0 % by " + deadline.format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));

        try (var person = browser.person("http://localhost:" + port)) {
            var page = browser.signIn(person, pia.email(), People.PASSWORD);
            page.navigate("/teams/" + team + "/items/" + measured);
            var details = page.locator("#section-details");
            details.locator("a.edit").click();
            details.getByLabel("Status").selectOption("done");
            details.getByLabel("Actual effort (days)").fill("4.5");
            details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(details).containsText("4.5 days");

            page.navigate("/teams/" + team + "/queue");
            assertThat(page.locator("#queue-" + urgent + " .deadline-risk")).hasText("At risk: " + badge);

            page.navigate("/teams/" + team + "/items/" + urgent);
            assertThat(page.locator(".deadline-risk")).hasText("Deadline at risk: " + badge);

            page.navigate("/teams/" + team + "/reports/velocity");
            assertThat(page.locator("svg.chart title").first()).hasText(java.util.regex.Pattern.compile("Points done per iteration"));
            var rows = page.locator("#velocity-table tbody tr");
            assertThat(rows).hasCount(3);
            for (int i = 0; i < 3; i++) {
                assertThat(rows.nth(i).locator("td").nth(1)).hasText("8");
            }

            page.navigate("/teams/" + team + "/reports/forecast");
            assertThat(page.locator("#forecast-table")).containsText(urgent);
            assertThat(page.getByText("At risk: " + badge).first()).isVisible();
            page.getByLabel("Capacity (% of the past)").fill("50");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show what if")).click();
            assertThat(page.locator("main")).containsText("at 50 % capacity");

            page.navigate("/teams/" + team + "/reports/accuracy");
            var accuracy = page.locator("#accuracy-table");
            assertThat(accuracy.locator("tr", new Locator.LocatorOptions().setHasText("3 pt")).locator("td").nth(1)).hasText("4.5");
            assertThat(accuracy.locator("tr", new Locator.LocatorOptions().setHasText("8 pt")).locator("td").nth(1)).hasText("3");

            for (var width : List.of(1280, 375)) {
                page.setViewportSize(width, 900);
                for (var report : List.of("velocity", "forecast", "accuracy")) {
                    page.navigate("/teams/" + team + "/reports/" + report);
                    AxeCheck.assertAccessible(page, report + " at " + width + " px");
                    assertThat(sidewaysScroll(page)).as("sideways scrolling of %s at %d px", report, width).isZero();
                    page.screenshot(new Page.ScreenshotOptions()
                        .setPath(java.nio.file.Path.of("target/screenshots/report-" + report + "-" + width + ".png")));
                }
            }
        }
    }

    private String create(String team, String title, int points, LocalDate deadline, Account by) {
        var patch = ItemPatch.empty().title(title).estimate(Estimate.of(BigDecimal.valueOf(points), Estimate.Unit.POINTS));
        if (deadline != null) {
            patch.deadline(deadline, "Audit");
        }
        return items.create(team, patch, by).key().toString();
    }

    private void done(String team, String key, int actualDays, Account by) {
        items.edit(team, key, 1, ItemPatch.empty().status(Status.DONE).actual(actualDays * 2), by);
    }

    private static int sidewaysScroll(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
            .intValue();
    }
}
