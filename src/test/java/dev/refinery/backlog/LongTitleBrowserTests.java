package dev.refinery.backlog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The longest title Jira allows, part of it one word without a space, on a phone and on a laptop: it wraps and
 * no page scrolls sideways. The longest description goes through the page's form as a browser sends it.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LongTitleBrowserTests {

    /** 255 characters: words, then a path of 150 characters without a space. */
    static final String TITLE = title();

    /** The most a form can carry of one field: 131,072 characters of three bytes each, nine percent-encoded. */
    static final String DESCRIPTION = "€".repeat(ItemContent.TEXT_MAX - 2) + "\uD83D\uDE80";

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
    void wrapsTheLongestTitleWithoutSidewaysScrollingOnAPhoneAndALaptop() {
        var ana = new People(accounts, null).someone("Ana Analyst");
        var key = People.newKey();
        teams.create(new NewTeam("Checkout", key), ana.id());

        try (var person = browser.person(base())) {
            var page = browser.signIn(person, ana.email(), People.PASSWORD);
            page.navigate("/teams/" + key + "/backlog");
            var newItem = page.locator("#new-item");
            newItem.getByLabel("Title").fill(TITLE);
            newItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create item")).click();
            assertThat(page).hasURL(Pattern.compile("/teams/" + key + "/items/" + key + "-1$"));
            assertThat(page.locator("h1")).hasText(TITLE);

            var description = page.locator("#section-description");
            description.locator("a.edit").click();
            description.getByLabel("Description (Markdown)").fill(DESCRIPTION);
            assertThat(URLEncoder.encode(DESCRIPTION, StandardCharsets.UTF_8).length()).as("percent-encoded, far past Jetty's default of 200 KB")
                .isGreaterThan(1_000_000);
            description.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(description.locator(".markdown")).containsText("€€€");
            assertThat(items.find(key, key + "-1", ana.id()).content().description()).isEqualTo(DESCRIPTION);

            var item = "/teams/" + key + "/items/" + key + "-1";
            for (var width : List.of(375, 1280)) {
                page.setViewportSize(width, 900);
                for (var path : List.of(item, "/teams/" + key + "/backlog", "/teams/" + key + "/queue", item + "/poker")) {
                    page.navigate(path);
                    var title = page.getByText(TITLE).first();
                    assertThat(title).isVisible();
                    assertThat(lines(title)).as("lines of the title on %s at %d px", path, width).isGreaterThanOrEqualTo(2);
                    assertThat(right(title)).as("right edge of the title on %s at %d px", path, width).isLessThanOrEqualTo(width);
                    assertThat(sidewaysScroll(page)).as("sideways scrolling on %s at %d px", path, width).isZero();
                }
                page.navigate(item);
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/long-title-" + width + ".png"))
                    .setFullPage(false));
            }
        }
    }

    private static int lines(Locator element) {
        return ((Number) element.evaluate("e => Math.round(e.getBoundingClientRect().height"
                + " / parseFloat(getComputedStyle(e).lineHeight))")).intValue();
    }

    private static double right(Locator element) {
        return ((Number) element.evaluate("e => e.getBoundingClientRect().right")).doubleValue();
    }

    private static int sidewaysScroll(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
            .intValue();
    }

    static String title() {
        var words = new StringBuilder();
        while (words.length() < 105) {
            words.append("Lastschrift für Kunden in Köln ");
        }
        var path = new StringBuilder("/zahlungsverkehr");
        while (path.length() < 150) {
            path.append("/lastschriftmandatsverwaltung");
        }
        return words.substring(0, 105) + path.substring(0, 150);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
