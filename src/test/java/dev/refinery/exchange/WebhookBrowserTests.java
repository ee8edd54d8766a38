package dev.refinery.exchange;

import java.time.Instant;
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

import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A facilitator adds a webhook on its page, sends it a test event and sees the delivery in the log, with plain forms
 * in a browser without JavaScript; the outbox's worker runs on its schedule, as in production.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookBrowserTests {

    Browser browser;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Test
    void addsAWebhookSendsATestEventAndShowsItsDeliveryInTheLog() throws Exception {
        var fay = new People(accounts, null).someone("Fay Facilitator");
        var key = People.newKey();
        teams.create(new NewTeam("Checkout", key), fay.id());

        try (var receiver = new WebhookReceiver(Instant::now);
                var person = browser.personWithoutJavaScript("http://localhost:" + port)) {
            var page = browser.signIn(person, fay.email(), People.PASSWORD);
            page.navigate("/teams/" + key);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks")).click();

            page.getByLabel("URL that receives the events").fill("ftp://example.com/hooks");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add webhook")).click();
            assertThat(page.locator("#url-error")).containsText("Only http:// and https:// URLs");
            assertThat(page.getByLabel("URL that receives the events")).hasValue("ftp://example.com/hooks");

            page.getByLabel("URL that receives the events").fill(receiver.url());
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("item\\.created"))).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add webhook")).click();
            assertThat(page).hasURL(Pattern.compile("/teams/" + key + "/webhooks/\\d+\\?notice=created$"));
            assertThat(page.locator("#notice")).containsText("Webhook added");
            assertThat(page.locator("#log-empty")).hasText("Nothing sent yet.");

            page.getByText("Signing secret").click();
            var secret = page.locator("#secret").textContent().strip();
            assertThat(secret).startsWith("whsec_");
            receiver.secret(secret);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test event")).click();
            assertThat(page.locator("#notice")).containsText("A test event is queued");
            for (int reload = 0; reload < 40 && page.locator("#delivery-log").count() == 0; reload++) {
                page.waitForTimeout(250);
                page.reload();
            }
            assertThat(page.locator("#delivery-log tbody tr")).hasCount(1);
            assertThat(page.locator("#delivery-log tbody tr").first()).containsText("webhook.test");
            assertThat(page.locator("#delivery-log tbody tr").first()).containsText("Delivered (HTTP 200)");
            assertThat(receiver.received()).singleElement().satisfies(request -> assertThat(request.genuine()).isTrue());

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Send webhook\\.test .* again$"))).click();
            assertThat(page.locator("#notice")).containsText("queued again");
            for (int reload = 0; reload < 40 && page.locator("#delivery-log tbody tr").count() < 2; reload++) {
                page.waitForTimeout(250);
                page.reload();
            }
            assertThat(page.locator("#delivery-log tbody tr")).hasCount(2);
            assertThat(receiver.received()).hasSize(2);
            assertThat(receiver.received().get(1).id()).as("sent again under the same id").isEqualTo(receiver.received().get(0).id());
        }
    }
}
