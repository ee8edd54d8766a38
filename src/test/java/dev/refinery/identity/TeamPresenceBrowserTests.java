package dev.refinery.identity;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;

import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Two people on a team page, each in a browser of their own: each sees the other arrive and leave. */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TeamPresenceBrowserTests {

    Browser browser;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Test
    void showsWhoIsOnTheTeamPageAsPeopleComeAndGo() {
        var people = new People(accounts, null);
        var ana = people.someone("Ana");
        var ben = people.someone("Ben");
        var key = People.newKey();
        teams.create(new NewTeam("Checkout", key), ana.id());
        teams.add(key, new NewMember(ben.email(), "engineer"), ana.id());

        try (var anas = browser.person(base()); var bens = browser.person(base())) {
            var anasPage = browser.signIn(anas, ana.email(), People.PASSWORD);
            anasPage.navigate("/teams/" + key);
            assertThat(anasPage.locator("#presence")).containsText("Ana");

            var bensPage = browser.signIn(bens, ben.email(), People.PASSWORD);
            bensPage.navigate("/teams/" + key);
            assertThat(bensPage.locator("#presence .person")).hasText(new String[] { "Ana", "Ben" });
            assertThat(anasPage.locator("#presence .person")).hasText(new String[] { "Ana", "Ben" });
            anasPage.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/team.png")).setFullPage(true));

            bensPage.close();
            assertThat(anasPage.locator("#presence .person")).hasText(new String[] { "Ana" });
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
