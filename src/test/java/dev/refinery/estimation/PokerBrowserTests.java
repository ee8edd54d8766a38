package dev.refinery.estimation;

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
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;
import dev.refinery.shared.Presence;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round of planning poker with four people at the table, each in a browser of their own (on each
 * database): hidden votes, the reveal by itself once every present voter has voted, an outlier's reason kept
 * as a risk, and the agreed card as the item's estimate.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class PokerBrowserTests {

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
    Presence presence;

    @Test
    void votesRevealsByItselfHearsTheOutlierAndAgrees() {
        var people = new People(accounts, null);
        var fay = people.someone("Fay");
        var ben = people.someone("Ben");
        var cleo = people.someone("Cleo");
        var olga = people.someone("Olga");
        var key = People.newKey();
        teams.create(new NewTeam("Payments", key), fay.id());
        teams.add(key, new NewMember(ben.email(), "engineer"), fay.id());
        teams.add(key, new NewMember(cleo.email(), "engineer"), fay.id());
        teams.add(key, new NewMember(olga.email(), "observer"), fay.id());
        var item = items.create(key, ItemPatch.empty().title("Pay by bank transfer"), fay).key();
        var poker = "/teams/" + key + "/items/" + item + "/poker";

        try (var fayContext = browser.person(base()); var benContext = browser.person(base());
                var cleoContext = browser.person(base()); var olgaContext = browser.person(base())) {
            var fayPage = browser.signIn(fayContext, fay.email(), People.PASSWORD);
            var benPage = browser.signIn(benContext, ben.email(), People.PASSWORD);
            var cleoPage = browser.signIn(cleoContext, cleo.email(), People.PASSWORD);
            var olgaPage = browser.signIn(olgaContext, olga.email(), People.PASSWORD);
            var everyone = new Page[] { fayPage, benPage, cleoPage, olgaPage };

            for (var page : everyone) {
                page.navigate(poker);
                assertThat(page.locator("#board")).containsText("No round yet");
            }
            assertThat(fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a round"))).isVisible();
            for (var page : new Page[] { benPage, cleoPage, olgaPage }) {
                assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a round"))).hasCount(0);
            }
            // Before a round the table lists nobody: the server says when all four streams are open.
            awaitPresent(fayPage, PokerBroadcast.room(item), 4);

            fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a round")).click();
            for (var page : everyone) {
                assertThat(page.locator("#round-status")).hasText("Voting: 0 of 3 voted");
                var seats = page.locator("#board .seat");
                assertThat(seats.locator(".seat-name")).hasText(new String[] { "Ben", "Cleo", "Fay", "Olga" });
                assertThat(page.locator("#board .seat.away")).hasCount(0);
                assertThat(page.locator("#board")).not().containsText("away");
                assertThat(seats.filter(new Locator.FilterOptions().setHasText("Olga"))).containsText("observing");
                assertThat(page.locator("#board .tick")).hasCount(0);
            }
            for (var page : new Page[] { fayPage, benPage, cleoPage }) {
                assertThat(page.locator("#hand button.poker-card")).hasText(new String[] { "0", "½", "1", "2", "3", "5",
                        "8", "13", "20", "40", "100", "?", "pass" });
            }
            assertThat(fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reveal"))).isVisible();
            assertThat(fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a round"))).hasCount(0);
            assertThat(olgaPage.locator("#hand")).hasText("You are observing this round.");
            assertThat(olgaPage.locator("button.poker-card")).hasCount(0);

            card(benPage, "13").click();
            assertThat(card(benPage, "13")).hasAttribute("aria-pressed", "true");
            for (var page : everyone) {
                assertThat(page.locator("#round-status")).hasText("Voting: 1 of 3 voted");
                assertThat(seat(page, "Ben")).containsText("✓ voted");
            }
            card(cleoPage, "3").click();
            assertThat(card(cleoPage, "3")).hasAttribute("aria-pressed", "true");
            for (var page : everyone) {
                assertThat(page.locator("#round-status")).hasText("Voting: 2 of 3 voted");
                assertThat(seat(page, "Ben")).containsText("✓ voted");
                assertThat(seat(page, "Cleo")).containsText("✓ voted");
                assertThat(seat(page, "Fay")).containsText("thinking…");
            }
            // Votes stay hidden until the reveal: no card face anywhere, and nobody else's number on the table.
            for (var page : everyone) {
                assertThat(page.locator("body .card-face")).hasCount(0);
                assertThat(page.locator("#statistics")).hasCount(0);
            }
            assertThat(fayPage.locator("#board")).not().containsText("13");
            assertThat(cleoPage.locator("#board")).not().containsText("13");
            assertThat(benPage.locator("#board")).not().containsText("13");
            assertThat(olgaPage.locator("body")).not().containsText("13");
            assertThat(fayPage.locator("#hand .chosen")).hasCount(0);

            card(fayPage, "3").click();
            for (var page : everyone) {
                assertThat(page.locator("#round-status")).hasText("Revealed");
                assertThat(page.locator("#board .card-face")).hasText(new String[] { "13", "3", "3" });
                assertThat(seat(page, "Ben").locator(".card-face")).hasText("13");
                assertThat(seat(page, "Ben")).hasClass(Pattern.compile("\\boutlier\\b"));
                var statistics = page.locator("#statistics");
                assertThat(statistics.locator("dt")).hasText(new String[] { "Median", "Mean", "Spread", "Consensus", "Suggested" });
                assertThat(statistics.locator("dd")).hasText(new String[] { "3", "6.33", "3 to 13 (3 steps)", "no", "3" });
                assertThat(page.locator("#board .notice")).containsText("Outliers: Ben (13)");
                assertThat(page.locator("#hand button.poker-card")).hasCount(0);
            }
            assertThat(fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree on 3"))).isVisible();
            assertThat(fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Re-vote"))).isVisible();
            assertThat(fayPage.getByLabel("or")).isVisible();
            assertThat(cleoPage.locator("#hand")).containsText("You played 3.");
            assertThat(cleoPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep as a risk"))).hasCount(0);
            assertThat(olgaPage.locator("#hand")).hasText("You are observing this round.");

            var why = benPage.getByLabel("You played 13, far from the others: why?");
            assertThat(why).isVisible();
            why.fill("the payment provider has no sandbox");
            benPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep as a risk")).click();
            assertThat(benPage.locator("#hand")).containsText("You played 13.");
            assertThat(benPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep as a risk"))).hasCount(0);
            for (var page : everyone) {
                assertThat(seat(page, "Ben").locator(".tag")).hasText("said why");
            }

            fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree on 3")).click();
            for (var page : everyone) {
                assertThat(page.locator("#round-status")).hasText("Agreed: 3 pt");
            }
            assertThat(fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree on 3"))).hasCount(0);

            olgaPage.navigate("/teams/" + key + "/items/" + item);
            assertThat(olgaPage.locator("#section-estimate")).containsText("3 pt");
            assertThat(olgaPage.locator("#risks li")).hasText(new String[] { "Ben: 13 - the payment provider has no sandbox" });
            var estimated = olgaPage.locator("#history li").filter(new Locator.FilterOptions().setHasText("Estimate"));
            assertThat(estimated).hasCount(1);
            assertThat(estimated.locator(".after")).hasText("3 pt");
            assertThat(estimated).containsText("Fay");
        }
    }

    @Test
    void showsSimilarItemsAndTheSuggestionOnlyOnceTheCardsAreRevealed() {
        var people = new People(accounts, null);
        var fay = people.someone("Fay");
        var ben = people.someone("Ben");
        var key = People.newKey();
        teams.create(new NewTeam("Payments", key), fay.id());
        teams.add(key, new NewMember(ben.email(), "engineer"), fay.id());
        for (var past : new String[] { "Refund a card payment", "Refunds of SEPA transfers", "Rename the login button" }) {
            items.create(key, ItemPatch.empty().title(past).estimate(dev.refinery.backlog.Estimate.of(
                    java.math.BigDecimal.valueOf(past.startsWith("Refund") ? 5 : 1), dev.refinery.backlog.Estimate.Unit.POINTS)), fay);
        }
        var item = items.create(key, ItemPatch.empty().title("Refund a SEPA card payment"), fay).key();
        var poker = "/teams/" + key + "/items/" + item + "/poker";

        try (var fayContext = browser.person(base()); var benContext = browser.person(base())) {
            var fayPage = browser.signIn(fayContext, fay.email(), People.PASSWORD);
            var benPage = browser.signIn(benContext, ben.email(), People.PASSWORD);
            fayPage.navigate(poker);
            benPage.navigate(poker);
            awaitPresent(fayPage, PokerBroadcast.room(item), 2);
            fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a round")).click();
            assertThat(benPage.locator("#round-status")).hasText("Voting: 0 of 2 voted");
            card(benPage, "5").click();
            assertThat(fayPage.locator("#round-status")).hasText("Voting: 1 of 2 voted");
            for (var page : new Page[] { fayPage, benPage }) {
                assertThat(page.locator("#hints")).isEmpty();
                assertThat(page.locator("body")).not().containsText("Refunds of SEPA");
                assertThat(page.locator("body")).not().containsText("Suggested");
            }

            fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reveal")).click();

            for (var page : new Page[] { fayPage, benPage }) {
                assertThat(page.locator("#suggestion")).containsText("Suggested 5: 2 of the 2 most similar items were 5");
                assertThat(page.locator("#hints .similar li")).hasCount(2);
                assertThat(page.locator("#hints .similar")).containsText("Refunds of SEPA transfers: 5 pt");
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Similar estimated items"))).isVisible();
            }
            benPage.locator("#hints .similar a").first().click();
            assertThat(benPage.locator("h1")).containsText("Refund");
        }
    }

    @Test
    void marksReferenceStoriesOnTheSettingsPageAndShowsTheScaleOnThePokerPageBeforeAnyReveal() {
        var people = new People(accounts, null);
        var fay = people.someone("Fay");
        var ben = people.someone("Ben");
        var key = People.newKey();
        teams.create(new NewTeam("Payments", key), fay.id());
        teams.add(key, new NewMember(ben.email(), "engineer"), fay.id());
        var refund = items.create(key, ItemPatch.empty().title("Refund a card payment").estimate(dev.refinery.backlog.Estimate.of(
                java.math.BigDecimal.valueOf(3), dev.refinery.backlog.Estimate.Unit.POINTS)).actual(6), fay).key();
        var login = items.create(key, ItemPatch.empty().title("Rename the login button")
            .status(dev.refinery.backlog.Status.DONE), fay).key();
        var item = items.create(key, ItemPatch.empty().title("Refund by SEPA transfer"), fay).key();

        try (var fayContext = browser.person(base()); var benContext = browser.person(base(), 375, 812)) {
            var fayPage = browser.signIn(fayContext, fay.email(), People.PASSWORD);
            fayPage.navigate("/teams/" + key + "/poker");
            fayPage.getByLabel("A 3 is like").fill(refund + ", " + key + "-99");
            fayPage.getByLabel("A 1 is like", new Page.GetByLabelOptions().setExact(true)).fill(login.toString());
            fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(fayPage.locator(".field.has-error")).containsText("No item " + key + "-99 in " + key + ".");
            assertThat(fayPage.getByLabel("A 3 is like")).hasValue(refund + ", " + key + "-99");
            fayPage.getByLabel("A 3 is like").fill(refund.toString());
            fayPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(fayPage.getByRole(AriaRole.STATUS)).containsText("Saved");
            assertThat(fayPage.getByLabel("A 3 is like")).hasValue(refund.toString());

            var benPage = browser.signIn(benContext, ben.email(), People.PASSWORD);
            benPage.navigate("/teams/" + key + "/items/" + item + "/poker");
            var scale = benPage.locator("#scale");
            assertThat(scale.locator("summary")).hasText("The team's scale: reference stories for 1, 3");
            assertThat(scale.getByText("Rename the login button")).not().isVisible();
            scale.locator("summary").click();
            assertThat(scale.locator(".scale-step")).hasText(new Pattern[] {
                Pattern.compile("1 pt is like\\s+" + login + "\\s+Rename the login button"),
                Pattern.compile("3 pt is like\\s+" + refund + "\\s+Refund a card payment \\(took 3 days\\)") });
            var width = (Number) benPage.evaluate("() => document.documentElement.scrollWidth");
            assertThat(width.intValue()).as("the scale fits a phone").isLessThanOrEqualTo(375);
            scale.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(refund.toString())).click();
            assertThat(benPage.locator("h1")).containsText("Refund a card payment");
        }
    }

    /** A card of the viewer's hand by its exact face: "3" is not "13". */
    private static Locator card(Page page, String face) {
        return page.locator("#hand").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(face).setExact(true));
    }

    private static Locator seat(Page page, String name) {
        return page.locator("#board .seat").filter(new Locator.FilterOptions()
            .setHas(page.locator(".seat-name", new Page.LocatorOptions().setHasText(Pattern.compile("^" + name + "$")))));
    }

    /** Waits up to 5 s for this many people to have the room's stream open. */
    private void awaitPresent(Page page, String room, int count) {
        var deadline = System.nanoTime() + 5_000_000_000L;
        while (presence.present(room).size() < count && System.nanoTime() < deadline) {
            page.waitForTimeout(100);
        }
        assertThat(presence.present(room)).as("the people with the poker page of %s open", room).hasSize(count);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
