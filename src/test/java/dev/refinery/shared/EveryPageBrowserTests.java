package dev.refinery.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.exchange.WebhookForm;
import dev.refinery.exchange.Webhooks;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.meeting.RefinementSessions;
import dev.refinery.meeting.SessionPlan;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page but the live meeting room, filled as a team really fills it (the longest title, a Markdown description, a
 * planned session, a poker round, an import waiting for its mapping), on a laptop and on a phone, in the light and the
 * dark colour scheme: axe-core finds no serious or critical violation of WCAG 2 A or AA, no page scrolls sideways, and
 * each follows the colour scheme. The first run's pages exist only before the first account, so they are checked first.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "refinery.identity.self-sign-up=true")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryPageBrowserTests {

    private static final List<Integer> WIDTHS = List.of(1280, 375);

    private static final List<ColorScheme> SCHEMES = List.of(ColorScheme.LIGHT, ColorScheme.DARK);

    /** 255 characters, the longest Jira allows, ending in a link of 120 characters without a space. */
    private static final String LONG_TITLE = longTitle();

    private static final String DESCRIPTION = """
            ## Why
            Customers in **Germany** pay by *direct debit*; see [the mandate rules](https://example.org/sepa).

            - a mandate per customer
            - a reference of at most 35 characters

            | bank | days |
            |------|------|
            | Sparkasse | 2 |

            ```
            pain.008.001.02 with a very long line that must scroll inside its own box and never widen the page at all
            ```
            """;

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
    dev.refinery.meeting.GuestAccess guests;

    @Autowired
    Webhooks webhooks;

    @Autowired
    dev.refinery.estimation.PokerRounds pokerRounds;

    @Test
    @Order(1)
    void firstRunPagesPassAxeAndFitAPhone() {
        var pages = new LinkedHashMap<String, Consumer<Page>>();
        pages.put("setup", at("/setup"));
        pages.put("setup with an error next to each field", page -> {
            page.navigate("/setup");
            page.getByLabel("Email").fill("not an email");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create administrator")).click();
            assertThat(page.locator(".field .error").first()).isVisible();
        });
        pages.put("sign-up", at("/sign-up"));
        try (var nobody = browser.person(base())) {
            assertThat(check(nobody.newPage(), pages)).as("the first run's pages").isEmpty();
        }
    }

    @Test
    @Order(2)
    void everyPageButTheRoomPassesAxeAndFitsAPhoneInBothColourSchemes() {
        var people = new People(accounts, null);
        var admin = people.administrator();
        // Ben never opens a page: the poker table shows his seat as away.
        var ben = people.someone("Ben Builder");
        var key = People.newKey();
        teams.create(new NewTeam("Checkout", key), admin.id());
        teams.add(key, new NewMember(ben.email(), "engineer"), admin.id());
        var team = "/teams/" + key;
        var created = items.create(key, ItemPatch.empty().title(LONG_TITLE).description(DESCRIPTION)
            .acceptanceCriteria(List.of(new Criterion("Mandates are stored", true), new Criterion("Refunds work", false)))
            .labels(List.of("payments", "sepa")), admin);
        var longItem = created.key().toString();
        // A second version, so that the item's history has a change to show.
        items.edit(key, longItem, created.item().version(),
                ItemPatch.empty().estimate(Estimate.of(new BigDecimal("5"), Estimate.Unit.POINTS)), admin);
        var shortItem = items.create(key, ItemPatch.empty().title("Refund by card"), admin).key().toString();
        // The long item, estimated, is the team's reference story for a 5: the poker page shows the team's scale.
        pokerRounds.save(key, new dev.refinery.estimation.PokerSettings(dev.refinery.estimation.Deck.Kind.FIBONACCI, List.of(),
                Estimate.Unit.POINTS, true, true, false, true, List.of(new dev.refinery.estimation.PokerSettings.References("5",
                        List.of(created.key()))), 0), admin.id());
        var session = sessions.plan(key, new SessionPlan("Checkout refinement", "", "Ready for the sprint", "2026-12-10T10:00",
                "60", ""), admin, ZoneOffset.UTC);
        sessions.replace(key, session.id(), List.of(longItem, shortItem), List.of(10, 5), admin.id());
        var guestToken = guests.guestLink(key, session.id(), admin.id());
        // Nothing listens on port 9 here: the log shows an attempt without an answer, as soon as the worker tried it.
        var webhook = webhooks.create(key, new WebhookForm("http://127.0.0.1:9/hooks", List.of("estimate.agreed"), true, null), admin.id());
        webhooks.sendTest(key, webhook.id(), admin.id());
        var hook = team + "/webhooks/" + webhook.id();

        var problems = new ArrayList<String>();
        try (var anonymous = browser.person(base()); var person = browser.person(base())) {
            var signedOut = new LinkedHashMap<String, Consumer<Page>>();
            signedOut.put("sign-in", at("/sign-in"));
            signedOut.put("sign-in after a wrong password", page -> {
                page.navigate("/sign-in");
                page.getByLabel("Email").fill(admin.email());
                page.getByLabel("Password").fill("wrong password");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
            });
            signedOut.put("join as a guest", at("/join/" + guestToken));
            problems.addAll(check(anonymous.newPage(), signedOut));
            // The administrator is signed in here too: the own-account page then lists another session to sign out.
            browser.signIn(anonymous, admin.email(), People.PASSWORD);

            var signedIn = browser.signIn(person, admin.email(), People.PASSWORD);
            var item = team + "/items/" + longItem;
            var poker = team + "/items/" + shortItem + "/poker";
            signedIn.navigate(poker);
            signedIn.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a round")).click();
            assertThat(signedIn.locator("#hand button.poker-card").first()).isVisible();

            var pages = new LinkedHashMap<String, Consumer<Page>>();
            pages.put("home", at("/"));
            pages.put("home with the team switcher open", page -> {
                page.navigate("/");
                page.getByText("Teams", new Page.GetByTextOptions().setExact(true)).click();
                assertThat(page.locator(".switcher ul")).isVisible();
            });
            pages.put("team", at(team));
            pages.put("backlog", at(team + "/backlog"));
            pages.put("backlog with an error next to the new item's title", page -> {
                page.navigate(team + "/backlog");
                page.locator("#new-item").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create item")).click();
                assertThat(page.locator("#new-item .error")).isVisible();
            });
            pages.put("item with the longest title and its history", at(item));
            for (var section : List.of("title", "description", "acceptance-criteria", "estimate", "deadline", "details")) {
                pages.put("item editing its " + section, page -> {
                    page.navigate(item + "?edit=" + section);
                    assertThat(page.locator("#section-" + section + ".editing form")).isVisible();
                });
            }
            pages.put("template", at(team + "/template"));
            pages.put("workstreams", at(team + "/workstreams"));
            pages.put("queue", at(team + "/queue"));
            pages.put("matrix", at(team + "/matrix"));
            pages.put("scoring", at(team + "/scoring"));
            pages.put("velocity report", at(team + "/reports/velocity"));
            pages.put("forecast report", at(team + "/reports/forecast"));
            pages.put("estimate against actual report", at(team + "/reports/accuracy"));
            pages.put("imports", at(team + "/imports"));
            pages.put("import mapping", at(importWaitingForItsMapping(signedIn, team)));
            pages.put("backup and restore", at(team + "/restore"));
            pages.put("webhooks with an error next to the URL", page -> {
                page.navigate(team + "/webhooks");
                page.getByLabel("URL that receives the events").fill("ftp://example.com/hooks");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add webhook")).click();
                assertThat(page.locator("#url-error")).isVisible();
            });
            pages.put("webhook with its delivery log", page -> {
                page.navigate(hook);
                for (int reload = 0; reload < 40 && page.locator("#delivery-log").count() == 0; reload++) {
                    page.waitForTimeout(250);
                    page.reload();
                }
                assertThat(page.locator("#delivery-log")).isVisible();
            });
            pages.put("accounts", at("/admin/accounts"));
            pages.put("audit log", at("/admin/audit"));
            pages.put("audit log with an error next to a filter", at("/admin/audit?from=yesterday"));
            pages.put("your account, its tokens, its password and where it is signed in", at("/account"));
            pages.put("sessions", at(team + "/sessions"));
            pages.put("planned session", at(team + "/sessions/" + session.id()));
            pages.put("poker", at(poker));
            pages.put("poker with the team's scale open", page -> {
                page.navigate(poker);
                page.locator("#scale summary").click();
                assertThat(page.locator("#scale dd")).isVisible();
            });
            pages.put("poker settings", at(team + "/poker"));
            pages.put("poker settings with an error next to a reference story", page -> {
                page.navigate(team + "/poker");
                page.getByLabel("A 8 is like").fill(key + "-999");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
                assertThat(page.locator(".references .error")).isVisible();
            });
            pages.put("page not found", at(team + "/items/" + key + "-999"));
            problems.addAll(check(signedIn, pages));
        }
        assertThat(problems).as("pages with serious or critical axe violations or sideways scrolling").isEmpty();
    }

    @Test
    @Order(3)
    void ringsWhatTheKeyboardReachesInBothColourSchemes() {
        var admin = new People(accounts, null).administrator();
        var key = People.newKey();
        teams.create(new NewTeam("Focus", key), admin.id());
        try (var person = browser.person(base())) {
            var page = browser.signIn(person, admin.email(), People.PASSWORD);
            for (var scheme : SCHEMES) {
                page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
                page.navigate("/teams/" + key + "/backlog");
                for (int stop = 1; stop <= 12; stop++) {
                    page.keyboard().press("Tab");
                    var focused = (String) page.evaluate("() => document.activeElement.outerHTML.substring(0, 80)");
                    var ring = (String) page.evaluate("""
                            () => { const style = getComputedStyle(document.activeElement);
                                    return style.outlineStyle + ' ' + style.outlineWidth; }
                            """);
                    assertThat(ring).as("the focus ring of stop %d, %s, in the %s scheme", stop, focused, scheme)
                        .isEqualTo("solid 3px");
                }
            }
        }
    }

    /** Swagger UI, third-party, runs under its own policy (inline styles allowed there only) without a refusal. */
    @Test
    @Order(4)
    void swaggerUiShowsTheApiUnderItsPolicy() {
        try (var person = browser.person(base(), 1280, 900)) {
            var page = person.newPage();
            new People(accounts, null).administrator();
            page.navigate("/swagger-ui.html");
            // The bundle takes seconds to render the whole document on a busy machine.
            assertThat(page.locator("#operations-Accounts-me"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        }
    }

    /**
     * Opens each page at each width in each colour scheme, keeps a screenshot of it under target/screenshots, and returns
     * what axe or the sideways check found wrong.
     */
    private List<String> check(Page page, Map<String, Consumer<Page>> pages) {
        var problems = new ArrayList<String>();
        for (var width : WIDTHS) {
            for (var scheme : SCHEMES) {
                page.setViewportSize(width, 900);
                page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
                for (var entry : pages.entrySet()) {
                    var what = entry.getKey() + " at " + width + " px, " + scheme.name().toLowerCase() + " scheme";
                    entry.getValue().accept(page);
                    assertThat(page.locator("main h1, main h2").first()).isVisible();
                    var violations = AxeCheck.violations(page);
                    if (!violations.isEmpty()) {
                        problems.add(what + " (" + page.url() + "):\n" + String.join("\n", violations));
                    }
                    if (darkBackground(page) != (scheme == ColorScheme.DARK)) {
                        problems.add(what + " (" + page.url() + ") does not follow the colour scheme");
                    }
                    var sideways = sidewaysScroll(page);
                    if (sideways > 0) {
                        problems.add(what + " (" + page.url() + ") scrolls " + sideways + " px sideways");
                    }
                    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/every-page",
                            entry.getKey().replaceAll("\\W+", "-") + "-" + width + "-" + scheme.name().toLowerCase() + ".png")));
                }
            }
        }
        return problems;
    }

    private static Consumer<Page> at(String path) {
        return page -> page.navigate(path);
    }

    /** Whether the page's background is dark: its red, green and blue below half on average. */
    private static boolean darkBackground(Page page) {
        return (Boolean) page.evaluate("""
                () => getComputedStyle(document.documentElement).backgroundColor.match(/\\d+/g).slice(0, 3)
                    .map(Number).reduce((sum, channel) => sum + channel, 0) < 3 * 128
                """);
    }

    private static int sidewaysScroll(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
            .intValue();
    }

    /** Uploads a CSV through the imports page and returns the page that asks where each column goes. */
    private static String importWaitingForItsMapping(Page page, String team) {
        page.navigate(team + "/imports");
        page.getByLabel("CSV, with a mapping of its columns").check();
        page.getByLabel("File").setInputFiles(new FilePayload("items.csv", "text/csv",
                "Story,Size,Notes\nPay by SEPA,5,\"Germany asks for it, often\"\n".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Where does each column go?"))).isVisible();
        assertThat(page).hasURL(Pattern.compile("/imports/\\d+$"));
        return page.url().substring(page.url().indexOf(team));
    }

    private static String longTitle() {
        var words = "Let customers in Köln and Düsseldorf pay by SEPA direct debit with a mandate they sign online ";
        var link = "https://bank.example/" + "lastschriftmandatsverwaltungsverfahren".repeat(4);
        return (words + words).substring(0, 255 - 120) + link.substring(0, 120);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
