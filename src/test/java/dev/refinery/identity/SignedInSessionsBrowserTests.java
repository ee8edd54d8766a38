package dev.refinery.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A person signed in on a laptop and a phone signs the phone out from the laptop, in real browsers. */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SignedInSessionsBrowserTests {

    Browser browser;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void signsOutEverywhereElseFromTheAccountPage() {
        var ana = new People(accounts, null).someone("Ana Analyst");
        try (var laptop = browser.person(base(), 1280, 800); var phone = browser.person(base(), 375, 812)) {
            var onLaptop = browser.signIn(laptop, ana.email(), People.PASSWORD);
            var onPhone = browser.signIn(phone, ana.email(), People.PASSWORD);

            onLaptop.navigate("/account");
            var sessions = onLaptop.locator("#session-list li");
            assertThat(sessions).hasCount(2);
            assertThat(sessions.first()).containsText("This browser");
            assertThat(sessions.nth(1)).not().containsText("This browser");
            assertThat(sessions.nth(1)).containsText("from 127.0.0.1");
            onLaptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out everywhere else")).click();

            assertThat(onLaptop.getByText("1 other session is signed out.")).isVisible();
            assertThat(onLaptop.locator("#session-list li")).hasCount(1);
            onPhone.navigate("/account");
            assertThat(onPhone).hasURL(base() + "/sign-in");
            onLaptop.navigate("/");
            assertThat(onLaptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your teams"))).isVisible();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
