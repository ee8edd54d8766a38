package dev.refinery.meeting;

import java.time.ZoneOffset;
import java.util.List;
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

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refinement meeting run live with three people, each in a browser of their own (on each database): the
 * facilitator walks the agenda and every screen follows without a reload, questions are answered into the task
 * (an acceptance criterion, a follow-up task), every reviewed item needs an outcome before the meeting closes,
 * and the summary tells what came of it.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class MeetingBrowserTests {

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
    PokerRounds rounds;

    @Autowired
    RefinementSessions sessions;

    @Test
    void walksThreeItemsWithEveryScreenFollowingTheFacilitator() {
        var people = new People(accounts, null);
        var fay = people.someone("Fay");
        var ben = people.someone("Ben");
        var cleo = people.someone("Cleo");
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        teams.add(team, new NewMember(cleo.email(), "engineer"), fay.id());
        var first = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var second = items.create(team, ItemPatch.empty().title("Refund by card"), fay).key().toString();
        var third = items.create(team, ItemPatch.empty().title("Export statements"), fay).key().toString();
        var session = sessions.plan(team, new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), fay, ZoneOffset.UTC);
        sessions.replace(team, session.id(), List.of(first, second, third), List.of(2, 2, 2), fay.id());
        var url = "/teams/" + team + "/sessions/" + session.id();

        try (var fayContext = browser.person(base()); var benContext = browser.person(base());
                var cleoContext = browser.person(base())) {
            var fayPage = browser.signIn(fayContext, fay.email(), People.PASSWORD);
            var benPage = browser.signIn(benContext, ben.email(), People.PASSWORD);
            var cleoPage = browser.signIn(cleoContext, cleo.email(), People.PASSWORD);
            var everyone = new Page[] { fayPage, benPage, cleoPage };
            var others = new Page[] { benPage, cleoPage };

            for (var page : everyone) {
                page.navigate(url);
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Checkout").setLevel(1))).isVisible();
                assertThat(page.locator("#agenda-total")).containsText("Agenda: 3 items, 6 of 60 min");
            }
            for (var page : others) {
                assertThat(button(page, "Start the meeting")).hasCount(0);
            }

            button(fayPage, "Start the meeting").click();
            assertThat(fayPage.locator("#current-title")).hasText("Pay by SEPA");
            settled(fayPage);
            assertThat(fayPage.locator("#controls")).isVisible();
            // The planned page has no live stream: the others come in once, and from now on follow without reloading.
            for (var page : others) {
                page.reload();
                settled(page);
                page.evaluate("() => { window.neverReloaded = true; }");
            }
            for (var page : everyone) {
                assertThat(page.locator("#current-title")).hasText("Pay by SEPA");
                assertThat(page.locator("#pacing")).hasText(Pattern.compile("^1 of 3 · "));
                assertThat(page.locator("#phase")).hasText("Walk-through");
                assertThat(page.locator("#questions")).containsText("No question yet.");
            }
            for (var page : others) {
                assertThat(page.locator("#controls")).hasCount(0);
                assertThat(page.locator("#next")).hasCount(0);
            }

            // Ben asks; Fay answers it into the task as an acceptance criterion, and every screen shows it.
            changes(benPage, () -> {
                benPage.getByLabel("Your question on " + first).fill("Which banks?");
                button(benPage, "Ask").click();
            });
            for (var page : everyone) {
                assertThat(page.locator("#questions li")).containsText(new String[] { "Ben: Which banks?" });
                assertThat(page.locator("#questions li")).hasCount(1);
                settled(page);
            }
            assertThat(benPage.locator("#questions .answer-form")).hasCount(0);
            assertThat(cleoPage.locator("#questions .answer-form")).hasCount(0);
            changes(fayPage, () -> answer(fayPage, "Which banks?", "All SEPA banks", "Add as acceptance criterion"));
            for (var page : everyone) {
                assertThat(page.locator("#criteria li")).hasText(new String[] { "☐ All SEPA banks" });
                assertThat(question(page, "Which banks?").locator(".answer")).hasText("Answer: All SEPA banks criterion");
            }
            assertThat(fayPage.locator("#questions .answer-form")).hasCount(0);

            // An estimate agreed in planning poker is the item's outcome, on every screen at once.
            var round = rounds.open(team, first, fay).id();
            rounds.cast(team, first, round, "3", fay);
            rounds.cast(team, first, round, "5", ben);
            rounds.cast(team, first, round, "5", cleo);
            rounds.agree(team, first, round, "5", fay);
            for (var page : everyone) {
                assertThat(page.locator("#outcome")).hasText("Estimated");
                settled(page);
            }
            changes(fayPage, () -> recordOutcome(fayPage, "Estimated", ""));
            assertThat(fayPage.locator("#outcome")).hasText("Estimated");
            assertThat(fayPage.locator("#room-error")).hasCount(0);
            assertThat(agendaEntry(fayPage, first)).containsText("Estimated");

            // Next: everybody is on item 2, with its own (empty) questions.
            changes(fayPage, () -> fayPage.locator("#next").click());
            for (var page : everyone) {
                assertThat(page.locator("#current-title")).hasText("Refund by card");
                assertThat(page.locator("#pacing")).hasText(Pattern.compile("^2 of 3 · "));
                assertThat(page.locator("#phase")).hasText("Walk-through");
                assertThat(page.locator("#outcome")).hasCount(0);
                assertThat(page.locator("#questions")).containsText("No question yet.");
                assertThat(page.getByLabel("Your question on " + second)).isVisible();
                settled(page);
            }

            changes(cleoPage, () -> {
                cleoPage.getByLabel("Your question on " + second).fill("Do we need design work?");
                button(cleoPage, "Ask").click();
            });
            for (var page : everyone) {
                assertThat(page.locator("#questions li")).containsText(new String[] { "Cleo: Do we need design work?" });
                assertThat(page.locator("#questions li")).hasCount(1);
                settled(page);
            }
            changes(fayPage, () -> answer(fayPage, "Do we need design work?", "Spike the refund API", "Create a follow-up task"));
            for (var page : everyone) {
                assertThat(question(page, "Do we need design work?").locator(".answer"))
                    .hasText("Answer: Spike the refund API follow-up");
            }

            // Item 2 has no outcome yet: the meeting does not close.
            button(fayPage, "Close the meeting").click();
            assertThat(fayPage.locator("#room-error")).containsText("Give every reviewed item an outcome first (" + second + ")");
            // ...and it stays on her screen once the page has settled (the live stream open, the room fetched).
            settled(fayPage);
            assertThat(fayPage.locator("#room-error")).containsText("Give every reviewed item an outcome first (" + second + ")");
            assertThat(fayPage.locator("#current-title")).hasText("Refund by card");
            for (var page : others) {
                assertThat(page.locator("#current-title")).hasText("Refund by card");
                assertThat(page.locator("#room-error")).hasCount(0);
            }

            changes(fayPage, () -> recordOutcome(fayPage, "Needs design", ""));
            for (var page : everyone) {
                assertThat(page.locator("#outcome")).hasText("Needs design");
                settled(page);
            }
            assertThat(fayPage.locator("#room-error")).hasCount(0);

            changes(fayPage, () -> fayPage.locator("#next").click());
            for (var page : everyone) {
                assertThat(page.locator("#current-title")).hasText("Export statements");
                assertThat(page.locator("#pacing")).hasText(Pattern.compile("^3 of 3 · "));
                assertThat(page.locator("#outcome")).hasCount(0);
                settled(page);
            }

            // Item 3 is reviewed now that it is on screen: refused again; a skip needs a reason.
            button(fayPage, "Close the meeting").click();
            assertThat(fayPage.locator("#room-error")).containsText("Give every reviewed item an outcome first (" + third + ")");
            settled(fayPage);
            assertThat(fayPage.locator("#room-error")).containsText("Give every reviewed item an outcome first (" + third + ")");
            recordOutcome(fayPage, "Skipped", "");
            assertThat(fayPage.locator("#room-error")).containsText("Say why the item is skipped.");
            settled(fayPage);
            assertThat(fayPage.locator("#outcome")).hasCount(0);
            changes(fayPage, () -> recordOutcome(fayPage, "Skipped", "Waiting for the bank's file format"));
            for (var page : everyone) {
                assertThat(page.locator("#outcome")).hasText("Skipped");
                settled(page);
            }
            assertThat(fayPage.locator("#room-error")).hasCount(0);

            for (var page : others) {
                assertThat(page.locator("#current-title")).hasText("Export statements");
                assertThat(page.evaluate("() => window.neverReloaded === true")).isEqualTo(true);
            }

            button(fayPage, "Close the meeting").click();
            assertThat(fayPage.locator("#summary")).isVisible();
            for (var page : others) {
                assertThat(page.locator("#room")).containsText("The meeting is over.");
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the summary"))).isVisible();
                assertThat(page.evaluate("() => window.neverReloaded === true")).isEqualTo(true);
            }

            for (var page : everyone) {
                page.navigate(url);
                var summary = page.locator("#summary");
                assertThat(summary.locator("h1")).hasText("Summary: Checkout");
                assertThat(summary).containsText("Fay");
                assertThat(summary).not().containsText("Carried over");
                assertThat(summary.locator(".agenda-item h2")).hasText(new String[] { first + " Pay by SEPA",
                        second + " Refund by card", third + " Export statements" });
                var one = summaryItem(page, first);
                assertThat(pair(one, "Outcome")).hasText("Estimated");
                assertThat(pair(one, "Estimate")).hasText("5 pt");
                assertThat(one.locator(".questions li")).hasCount(1);
                assertThat(one.locator(".questions li")).containsText("Ben: Which banks?");
                assertThat(one.locator(".questions li")).containsText("Answer: All SEPA banks");
                var two = summaryItem(page, second);
                assertThat(pair(two, "Outcome")).hasText("Needs design");
                assertThat(two.locator(".questions li")).hasCount(1);
                assertThat(two.locator(".questions li")).containsText("Cleo: Do we need design work?");
                assertThat(two.locator(".questions li")).containsText("Answer: Spike the refund API");
                assertThat(two.locator(".related li")).hasCount(2);
                assertThat(two.locator(".related li").filter(new Locator.FilterOptions().setHasText("Spike the refund API")))
                    .hasCount(1);
                assertThat(two.locator(".related li").filter(new Locator.FilterOptions()
                    .setHasText("Design proposal: Refund by card"))).hasCount(1);
                var three = summaryItem(page, third);
                assertThat(pair(three, "Outcome")).hasText("Skipped (Waiting for the bank's file format)");
            }
        }
    }

    @Autowired
    LiveMeetings live;

    @Autowired
    GuestAccess guests;

    @Test
    void showsSimilarItemsAndTheSuggestionAtTheRoomsTableOnlyOnceRevealedAndGuestsNoLinks() {
        var people = new People(accounts, null);
        var fay = people.someone("Fay");
        var ben = people.someone("Ben");
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        for (var past : new String[] { "Refund a card payment", "Refunds of SEPA transfers", "Rename the login button" }) {
            items.create(team, ItemPatch.empty().title(past).estimate(dev.refinery.backlog.Estimate.of(
                    java.math.BigDecimal.valueOf(past.startsWith("Refund") ? 5 : 1), dev.refinery.backlog.Estimate.Unit.POINTS)), fay);
        }
        var item = items.create(team, ItemPatch.empty().title("Refund a SEPA card payment"), fay).key().toString();
        var session = sessions.plan(team, new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), fay, ZoneOffset.UTC);
        sessions.replace(team, session.id(), List.of(item), List.of(2), fay.id());
        var token = guests.guestLink(team, session.id(), fay.id());
        live.start(team, session.id(), fay.id());
        var url = "/teams/" + team + "/sessions/" + session.id();

        try (var fayContext = browser.person(base()); var benContext = browser.person(base(), 375, 812);
                var ginaContext = browser.person(base(), 375, 812)) {
            var fayPage = browser.signIn(fayContext, fay.email(), People.PASSWORD);
            var benPage = browser.signIn(benContext, ben.email(), People.PASSWORD);
            var ginaPage = ginaContext.newPage();
            ginaPage.navigate("/join/" + token);
            ginaPage.getByLabel("Your name").fill("Gina");
            button(ginaPage, "Join").click();
            fayPage.navigate(url);
            benPage.navigate(url);
            var everyone = new Page[] { fayPage, benPage, ginaPage };
            for (var page : everyone) {
                settled(page);
            }
            var round = rounds.open(team, item, fay).id();
            for (var page : everyone) {
                assertThat(page.locator("#round-status")).containsText("Voting");
            }
            rounds.cast(team, item, round, "5", ben);
            for (var page : everyone) {
                assertThat(page.locator("#round-status")).containsText("1 of");
                assertThat(page.locator("#hints")).isEmpty();
                assertThat(page.locator("body")).not().containsText("Refunds of SEPA");
                assertThat(page.locator("#suggestion")).hasCount(0);
            }

            rounds.reveal(team, item, round, fay.id());

            for (var page : everyone) {
                assertThat(page.locator("#suggestion")).containsText("Suggested 5: ");
                assertThat(page.locator("#hints .similar")).containsText("Refunds of SEPA transfers: 5 pt");
            }
            // a guest cannot open the team's items: plain keys, no links
            assertThat(ginaPage.locator("#hints .similar a")).hasCount(0);
            assertThat(ginaPage.locator("#hints .similar")).containsText(team + "-2");
            assertThat(benPage.locator("#hints .similar a").first()).hasAttribute("href",
                    Pattern.compile("^/teams/" + team + "/items/" + team + "-\\d+$"));
        }
    }

    /**
     * Waits until the page has had the room's latest nudge and fetched its view for it: the nudge sets the
     * hidden #room-changed and starts the fetch in the same task, and htmx marks a request in flight.
     */
    private static void settled(Page page) {
        assertThat(page.locator("#room-changed")).hasText(Pattern.compile("^\\d+$"));
        assertThat(page.locator(".htmx-request")).hasCount(0);
    }

    /** Does something that changes the room, then waits until this page has had its nudge and fetched the room. */
    private static void changes(Page page, Runnable action) {
        settled(page);
        var before = page.locator("#room-changed").textContent();
        action.run();
        assertThat(page.locator("#room-changed")).not().hasText(before);
        assertThat(page.locator(".htmx-request")).hasCount(0);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator question(Page page, String text) {
        return page.locator("#questions li").filter(new Locator.FilterOptions().setHasText(text));
    }

    private static void answer(Page page, String question, String answer, String fold) {
        var form = question(page, question).locator(".answer-form");
        form.getByPlaceholder("Answer").fill(answer);
        form.getByRole(AriaRole.COMBOBOX).selectOption(new SelectOption().setLabel(fold));
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Answer").setExact(true)).click();
    }

    private static void recordOutcome(Page page, String outcome, String note) {
        page.locator("#outcome-select").selectOption(new SelectOption().setLabel(outcome));
        page.locator("#outcome-note").fill(note);
        button(page, "Record outcome").click();
    }

    private static Locator agendaEntry(Page page, String key) {
        return page.locator("#agenda-side li").filter(new Locator.FilterOptions().setHasText(key + " "));
    }

    private static Locator summaryItem(Page page, String key) {
        return page.locator("#summary .agenda-item").filter(new Locator.FilterOptions()
            .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(key + " ").setExact(false))));
    }

    /** The value of a term of the item's list: "Outcome" gives "Estimated". */
    private static Locator pair(Locator item, String term) {
        return item.locator("dt", new Locator.LocatorOptions().setHasText(Pattern.compile("^" + term + "$")))
            .locator("xpath=following-sibling::dd[1]");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
