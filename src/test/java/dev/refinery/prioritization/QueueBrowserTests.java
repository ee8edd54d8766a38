package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Pinning an item of the priority queue by dragging it on a phone, and unpinning it (on each database). */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class QueueBrowserTests {

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
    void pinsAnItemByDraggingItAndKeepsTheOrderAfterAReload() {
        var ana = new People(accounts, null).someone("Ana Analyst");
        var key = People.newKey();
        teams.create(new NewTeam("Checkout", key), ana.id());
        // WSJF with 2 points = 1 day: the scores are 10, 16 and 4.
        var middle = item(key, "Pay by SEPA direct debit", 5, 3, 2, ana);
        var top = item(key, "Pay by card", 8, 5, 3, ana);
        var last = item(key, "Pay by invoice", 2, 1, 1, ana);

        try (var person = browser.person(base())) {
            var page = browser.signIn(person, ana.email(), People.PASSWORD);

            page.navigate("/teams/" + key + "/queue");
            var entries = page.locator("#queue-list .queue-entry");
            assertThat(entries).hasCount(3);
            assertOrder(page, top, middle, last);
            assertThat(entries.locator(".score")).hasText(new String[] { "16", "10", "4" });
            assertThat(page.locator("#queue-list .pinned")).hasCount(0);

            drag(page, page.locator("#queue-" + last + " .drag"), page.locator("#queue-" + top));
            var dragged = page.locator("#queue-" + last);
            assertThat(dragged).hasClass(Pattern.compile("\\bpinned\\b"));
            assertThat(dragged.locator(".pin-mark")).hasText("Pinned");
            assertOrder(page, last, top, middle);
            assertThat(page.locator("#queue-list .pinned")).hasCount(1);
            assertThat(entries.locator(".position")).hasText(new String[] { "1", "2", "3" });

            page.reload();
            assertThat(entries).hasCount(3);
            assertOrder(page, last, top, middle);
            assertThat(dragged).hasClass(Pattern.compile("\\bpinned\\b"));
            assertThat(dragged.locator(".pin-mark")).hasText("Pinned");
            assertThat(page.locator("#queue-list .pinned")).hasCount(1);

            dragged.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unpin")).click();
            assertThat(page.locator("#queue-list .pinned")).hasCount(0);
            assertOrder(page, top, middle, last);
            assertThat(dragged.locator(".pin-mark")).hasCount(0);

            page.reload();
            assertThat(entries).hasCount(3);
            assertOrder(page, top, middle, last);
            assertThat(page.locator("#queue-list .pinned")).hasCount(0);
        }
    }

    private String item(String team, String title, int businessValue, int timeCriticality, int riskReduction, Account author) {
        return items.create(team, ItemPatch.empty()
            .title(title)
            .importance(Map.of("businessValue", BigDecimal.valueOf(businessValue), "timeCriticality",
                    BigDecimal.valueOf(timeCriticality), "riskReduction", BigDecimal.valueOf(riskReduction)))
            .estimate(Estimate.of(new BigDecimal("2"), Estimate.Unit.POINTS)), author)
            .key()
            .toString();
    }

    /**
     * Drags a handle onto the top quarter of a target with real mouse moves, which SortableJS needs: it starts
     * only once the pointer has moved, and it ignores a line while that line still slides (150 ms), so the
     * pointer pauses after each stage: off the handle, over every line on the way, then onto the target.
     */
    private static void drag(Page page, Locator handle, Locator target) {
        handle.scrollIntoViewIfNeeded();
        var from = handle.boundingBox();
        var to = target.boundingBox();
        var x = from.x + from.width / 2;
        var y = from.y + from.height / 2;
        page.mouse().move(x, y);
        page.mouse().down();
        var stages = 6;
        for (int stage = 0; stage <= stages; stage++) {
            var next = stage == 0 ? y - 20 : y + (to.y + to.height / 4 - y) * stage / stages;
            page.mouse().move(x, next, new Mouse.MoveOptions().setSteps(10));
            page.waitForTimeout(250);
        }
        page.mouse().up();
    }

    /** Waits up to 5 s for the lines of the queue to show these keys, in this order. */
    private static void assertOrder(Page page, String... keys) {
        var expected = List.of(keys);
        var deadline = System.nanoTime() + 5_000_000_000L;
        List<?> shown;
        while (true) {
            shown = (List<?>) page.locator("#queue-list .queue-entry").evaluateAll("els => els.map(e => e.dataset.key)");
            if (shown.equals(expected) || System.nanoTime() > deadline) {
                break;
            }
            page.waitForTimeout(100);
        }
        assertThat(shown).as("the keys of the queue, top first").isEqualTo(expected);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
