package dev.refinery.identity;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The first minutes of a new instance, in a real browser on a phone-sized screen. */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FirstRunBrowserTests {

    Browser browser;

    @Value("${local.server.port}")
    int port;

    @Test
    void createsTheFirstAdministratorSignsInCreatesATeamAndSignsOut() {
        try (var lea = browser.person("http://127.0.0.1:" + port)) {
            var page = lea.newPage();

            page.navigate("/");
            assertThat(page).hasURL("http://127.0.0.1:" + port + "/setup");
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("Create the first administrator");
            page.getByLabel("Email").fill("lea@refinery.test");
            page.getByLabel("Display name").fill("Lea Lead");
            page.getByLabel("Password").fill("long enough now");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create administrator")).click();

            assertThat(page.getByText("Your account is ready")).isVisible();
            assertThat(page.getByLabel("Email")).hasValue("lea@refinery.test");
            page.getByLabel("Password").fill("long enough now");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your teams"))).isVisible();
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Payments");
            page.getByLabel("Key").fill("pay");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();
            assertThat(page.locator("#key-error")).hasText("A team key is 2 to 10 capital letters, like PAY.");

            page.getByLabel("Key").fill("PAY");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Payments"))).isVisible();
            assertThat(page.locator("#presence .person")).hasText("Lea Lead");

            page.navigate("/");
            assertThat(page.locator("#team-list")).containsText("PAY");
            assertThat(page.locator("#team-list")).containsText("Payments");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home.png")).setFullPage(true));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page.getByText("You are signed out.")).isVisible();
            page.navigate("/teams/PAY");
            assertThat(page).hasURL("http://127.0.0.1:" + port + "/sign-in");
        }
    }
}
