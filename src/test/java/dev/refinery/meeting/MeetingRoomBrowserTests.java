package dev.refinery.meeting;

import java.time.ZoneOffset;
import java.util.ArrayList;
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

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.AxeCheck;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole meeting in one room: eight items, six people in browsers of their own (the facilitator at 1280 px, the
 * product manager, three engineers and a guest who joined by link on phones at 375 px). Everyone votes where they
 * watch; no page shows another person's card before the reveal; the facilitator takes each item from its
 * walk-through to an agreed estimate and on to the next with at most six keys and no page load; a participant
 * who drops out mid-estimate comes back to the room where it is; a revoked guest link ends the guest's seat at once.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MeetingRoomBrowserTests {

    private static final int MOST_ACTIONS_PER_ITEM = 6;

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
    RefinementSessions sessions;

    @Autowired
    GuestAccess guests;

    /** Six browsers and the server share two cores in CI: a change reaches every page in seconds, not at once. */
    @org.junit.jupiter.api.BeforeAll
    static void patience() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @org.junit.jupiter.api.AfterAll
    static void usualPatience() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    @Test
    void eightItemsSixPeopleEveryoneVotesInTheRoom() {
        var people = new People(accounts, null);
        var fay = people.someone("Fay");
        var pam = people.someone("Pam");
        var ben = people.someone("Ben");
        var cleo = people.someone("Cleo");
        var dan = people.someone("Dan");
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(pam.email(), "pm"), fay.id());
        for (var engineer : List.of(ben, cleo, dan)) {
            teams.add(team, new NewMember(engineer.email(), "engineer"), fay.id());
        }
        var titles = List.of("Pay by SEPA", "Refund by card", "Export statements", "Split a bill", "Remind unpaid invoices",
                "Show fees before paying", "Pay in instalments", "Receipts by email");
        var keys = new ArrayList<String>();
        for (var title : titles) {
            keys.add(items.create(team, ItemPatch.empty().title(title)
                .description("As a customer I want to " + title.toLowerCase() + ", so that paying is one step less."), fay)
                .key().toString());
        }
        var session = sessions.plan(team, new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), fay, ZoneOffset.UTC);
        sessions.replace(team, session.id(), keys, List.of(2, 2, 2, 2, 2, 2, 2, 2), fay.id());
        var token = guests.guestLink(team, session.id(), fay.id());
        var url = "/teams/" + team + "/sessions/" + session.id();

        try (var fayContext = browser.person(base(), 1280, 800); var pamContext = browser.person(base(), 1280, 800);
                var benContext = browser.person(base(), 375, 812); var cleoContext = browser.person(base(), 375, 812);
                var danContext = browser.person(base(), 375, 812); var ginaContext = browser.person(base(), 375, 812)) {
            var fayPage = browser.signIn(fayContext, fay.email(), People.PASSWORD);
            fayPage.navigate(url);
            fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the meeting")).click();
            assertThat(fayPage.locator("#current-title")).hasText(titles.getFirst());
            // the live room shows the guest link whole: it is what the facilitator shares
            // the facilitator edits the task in place: every section's editor is there, in the room
            assertThat(fayPage.locator("#editor-slot > [id^=section-]")).hasCount(5);
            var joinUrl = fayPage.locator("#guest-link").getAttribute("href");
            assertThat(joinUrl).isEqualTo(base() + "/join/" + token);

            var pamPage = browser.signIn(pamContext, pam.email(), People.PASSWORD);
            var benPage = browser.signIn(benContext, ben.email(), People.PASSWORD);
            var cleoPage = browser.signIn(cleoContext, cleo.email(), People.PASSWORD);
            var danPage = browser.signIn(danContext, dan.email(), People.PASSWORD);
            var ginaPage = ginaContext.newPage();
            ginaPage.navigate(joinUrl);
            ginaPage.getByLabel("Your name").fill("Gina");
            ginaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
            for (var page : List.of(pamPage, benPage, cleoPage, danPage)) {
                page.navigate(url);
            }
            // the facilitator's second screen: the projector's view, which follows the meeting by itself
            var projector = fayContext.newPage();
            projector.navigate(fayPage.locator("#projector-link").getAttribute("href"));
            assertThat(projector.locator("#current-title")).hasText(titles.getFirst());
            assertThat(projector.locator("#timer")).isVisible();
            assertThat(projector.locator("#hand")).hasCount(0);
            var everyone = List.of(fayPage, pamPage, benPage, cleoPage, danPage, ginaPage);
            for (var page : everyone) {
                assertThat(page.locator("#current-title")).hasText(titles.getFirst());
                page.evaluate("() => { window.neverReloaded = true; }");
            }
            assertThat(ginaPage.locator("body")).containsText("You are a guest in Checkout");
            // a phone in the dark: the room follows the system's colour scheme, and stays readable in it
            benPage.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(com.microsoft.playwright.options.ColorScheme.DARK));
            // everyone is in the room (Gina too) before the first round: the reveal waits for every present voter
            for (var page : everyone) {
                assertThat(page.locator("#board-slot")).isAttached();
            }

            var phones = List.of(benPage, cleoPage, danPage, ginaPage);
            var voters = 5;
            for (int i = 0; i < titles.size(); i++) {
                var key = keys.get(i);
                var actions = 0;
                if (i == 6) {
                    // the link revoked between two items: Gina's seat ends at once, on her page and at the table
                    guests.revokeGuestLink(team, session.id(), fay.id());
                    assertThat(ginaPage.locator("#room")).containsText("This meeting has ended for guests");
                    assertThat(ginaPage.locator("#hand")).hasCount(0);
                    voters = 4;
                    phones = List.of(benPage, cleoPage, danPage);
                    everyone = List.of(fayPage, pamPage, benPage, cleoPage, danPage);
                }
                for (var page : everyone) {
                    assertThat(page.locator("#current-title")).hasText(titles.get(i));
                    assertThat(page.locator("#phase")).hasText("Walk-through");
                    assertThat(page.locator("#table")).isHidden();
                }
                assertThat(projector.locator("#current-title")).hasText(titles.get(i));
                if (i == 0) {
                    accessible("walk-through", fayPage, benPage, ginaPage, projector);
                    fayPage.locator("body").press("?");
                    assertThat(fayPage.locator("#keys")).isVisible();
                    AxeCheck.assertAccessible(fayPage, "the list of keys");
                    fayPage.keyboard().press("Escape");
                    assertThat(fayPage.locator("#keys")).isHidden();
                    // the rest of the agenda ordered from the keyboard: an item's handle and the arrow keys
                    var third = fayPage.locator("#move-" + keys.get(2));
                    third.focus();
                    third.press("ArrowUp");
                    assertThat(fayPage.locator("#agenda-side li").nth(1)).containsText(keys.get(2));
                    assertThat(fayPage.locator("#agenda-side li").nth(2)).containsText(keys.get(1));
                    // the handle moves the line at once on her screen; the agenda changes once the room has posted it
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(sessions.agenda(team, session.id(), fay.id()).lines().get(1).item().key().toString())
                            .isEqualTo(keys.get(2)));
                    assertThat(fayPage.locator("#move-" + keys.get(2))).isFocused();
                    fayPage.locator("#move-" + keys.get(2)).press("ArrowDown");
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(sessions.agenda(team, session.id(), fay.id()).lines().get(1).item().key().toString())
                            .isEqualTo(keys.get(1)));
                    assertThat(benPage.locator("#agenda-side li").nth(1)).containsText(keys.get(1));
                    assertThat(benPage.locator("#agenda-side li").nth(2)).containsText(keys.get(2));
                    fayPage.locator("body").focus();
                }

                key(fayPage, "q");
                actions++;
                for (var page : everyone) {
                    assertThat(page.locator("#phase")).hasText("Questions");
                }
                if (i == 0) {
                    accessible("questions", fayPage, benPage);
                    benPage.getByLabel("Your question on " + key).fill("Which banks?");
                    benPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask")).click();
                    for (var page : everyone) {
                        assertThat(page.locator("#questions li")).containsText(new String[] { "Ben: Which banks?" });
                    }
                }

                key(fayPage, "e");
                actions++;
                for (var page : everyone) {
                    assertThat(page.locator("#phase")).hasText("Estimate");
                    assertThat(page.locator("#table")).isVisible();
                    assertThat(page.locator("#round-status")).hasText("Voting: 0 of " + voters + " voted");
                }
                assertThat(pamPage.locator("#hand button.poker-card")).hasCount(0);
                for (var phone : phones) {
                    assertThat(phone.locator("#hand-state")).hasText("Your turn: pick a card");
                    var cardBox = phone.locator("#hand button.poker-card").first().boundingBox();
                    assertThat(cardBox.height).as("a card is a touch target of at least 48 px").isGreaterThanOrEqualTo(48);
                    assertThat(cardBox.width).isGreaterThanOrEqualTo(48);
                    assertThat(phone.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                        .as("no horizontal scroll on a phone").isEqualTo(true);
                }
                if (i == 0) {
                    accessible("estimate", fayPage, pamPage, benPage, ginaPage, projector);
                }

                // every voter but the facilitator votes on their phone; nobody sees a card until the last one is in
                var cast = 0;
                for (var phone : phones) {
                    card(phone, cast % 2 == 0 ? "5" : "3").click();
                    cast++;
                    assertThat(phone.locator("#hand-state")).hasText(Pattern.compile("^You voted [35]: waiting for the reveal$"));
                    if (i == 0 && cast == 2) {
                        screenshot(phone, "phone-voting");
                    }
                    for (var page : everyone) {
                        assertThat(page.locator("#round-status")).hasText("Voting: " + cast + " of " + voters + " voted");
                        assertThat(page.locator("#board .card-face")).hasCount(0);
                        assertThat(page.content()).as("no card of anyone's in any page before the reveal")
                            .doesNotContain("card-face");
                    }
                    assertThat(projector.locator("#round-status")).hasText("Voting: " + cast + " of " + voters + " voted");
                    if (i == 3 && cast == 2) {
                        // Cleo's connection drops mid-estimate; back, her room is where the meeting is
                        cleoPage.navigate("about:blank");
                        cleoPage.navigate(url);
                        assertThat(cleoPage.locator("#phase")).hasText("Estimate");
                        assertThat(cleoPage.locator("#round-status")).hasText("Voting: 2 of " + voters + " voted");
                        assertThat(cleoPage.locator("#hand-state")).hasText("You voted 3: waiting for the reveal");
                        cleoPage.evaluate("() => { window.neverReloaded = true; }");
                    }
                }
                // everyone present has voted once the facilitator has: the round reveals itself
                // the facilitator's own vote, by key: 6 picks the sixth card of the hand (0 ½ 1 2 3 5 ...), the 5
                assertThat(fayPage.locator("#hand-state")).hasText("Your turn: pick a card");
                key(fayPage, "6");
                actions++;
                for (var page : everyone) {
                    assertThat(page.locator("#round-status")).hasText("Revealed");
                    assertThat(page.locator("#statistics")).containsText("Median");
                }
                assertThat(projector.locator("#statistics")).containsText("Median");
                if (i == 0) {
                    accessible("revealed", fayPage, benPage, projector);
                    screenshot(fayPage, "facilitator");
                    screenshot(projector, "projector");
                }
                assertThat(projector.locator("#board .seat .card-face")).hasCount(voters);
                assertThat(fayPage.locator("#board .seat")).hasCount(i < 6 ? 6 : 5);
                if (i < 6) {
                    // the guest's card shows and counts like everyone's
                    assertThat(fayPage.locator("#board .seat").filter(new Locator.FilterOptions().setHasText("Gina")))
                        .containsText("3");
                    assertThat(fayPage.locator("#statistics")).containsText("3 to 5");
                }

                key(fayPage, "a");
                actions++;
                for (var page : everyone) {
                    assertThat(page.locator("#round-status")).hasText(Pattern.compile("Agreed: 5 pt"));
                    assertThat(page.locator("#outcome")).hasText("Estimated");
                    assertThat(page.locator("#phase")).hasText("Outcome");
                }
                assertThat(fayPage.locator("#agenda-side li").nth(i)).containsText("Estimated");
                if (i == 0) {
                    accessible("outcome", fayPage, benPage);
                }

                if (i < titles.size() - 1) {
                    key(fayPage, "n");
                    actions++;
                }
                assertThat(actions).as("the facilitator's actions on " + key).isLessThanOrEqualTo(MOST_ACTIONS_PER_ITEM);
            }

            for (var page : everyone) {
                assertThat(page.evaluate("() => window.neverReloaded === true")).as("no page load in the meeting").isEqualTo(true);
            }
            assertThat(projector.locator("#phase")).hasText("Outcome");
            fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the meeting")).click();
            assertThat(benPage.locator("#room")).containsText("The meeting is over.");
            // closing leads the facilitator's page to the summary by itself (a navigation of the test's own would race it)
            var summary = fayPage.locator("#summary");
            assertThat(summary.locator("h1")).hasText("Summary: Checkout");
            assertThat(summary.locator(".agenda-item")).hasCount(8);
            for (int i = 0; i < titles.size(); i++) {
                var line = summary.locator(".agenda-item").nth(i);
                assertThat(line.locator("h2")).hasText(keys.get(i) + " " + titles.get(i));
                assertThat(line).containsText("Estimated");
                assertThat(line).containsText("5 pt");
            }
            assertThat(summary).containsText("Ben: Which banks?");
        }
    }

    /** Keeps a picture of the page under target/screenshots/room, for the README and for whoever reads a failure. */
    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/room", name + ".png")));
    }

    /** axe-core over each page as it is in this phase: no serious or critical violation. */
    private static void accessible(String phase, Page... pages) {
        for (var page : pages) {
            AxeCheck.assertAccessible(page, "the room in the " + phase + " at " + page.viewportSize().width + " px");
        }
    }

    private static void key(Page page, String key) {
        assertThat(page.locator(".htmx-request")).hasCount(0);
        page.locator("body").press(key);
    }

    private static Locator card(Page page, String face) {
        return page.locator("#hand button.poker-card").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + face + "$")));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
