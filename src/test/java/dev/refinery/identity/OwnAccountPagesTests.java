package dev.refinery.identity;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Each person's own page, and the API without HTTP Basic: this class turns Basic off, as an administrator may, so
 * that scripts can only use tokens.
 */
@SpringBootTest(properties = "refinery.api.http-basic=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OwnAccountPagesTests {

    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">(rfy_[A-Za-z0-9_-]+)</code>");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    People people;

    @BeforeEach
    void people() {
        people = new People(accounts, mvc);
    }

    @Test
    void createsATokenOnTheOwnPageAndShowsItOnlyThisOnce() throws Exception {
        var ana = people.someone("Ana");

        var created = mvc.post().uri("/account/tokens").with(user(people.signedIn(ana))).with(csrf())
            .param("name", "nightly export").param("access", "read-write").param("expiresInDays", "30").exchange();
        assertThat(created).hasStatusOk().bodyText().contains("Copy it now: it is never shown again.");
        var matcher = SECRET.matcher(created.getResponse().getContentAsString());
        assertThat(matcher.find()).isTrue();
        var secret = matcher.group(1);

        assertThat(mvc.get().uri("/account").with(user(people.signedIn(ana))))
            .hasStatusOk()
            .bodyText().contains("nightly export", "Read and write", "never used").doesNotContain(secret);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + secret))
            .hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo(ana.email());
        assertThat(mvc.get().uri("/account").with(user(people.signedIn(ana)))).bodyText().contains("last used ");
    }

    @Test
    void revokesATokenFromTheOwnPage() {
        var ana = people.someone("Ana");
        var issued = tokens.issue(ana.id(), new NewApiToken("deploy", "read-only", 7));

        assertThat(mvc.post().uri("/account/tokens/" + issued.token().id() + "/revoke").with(user(people.signedIn(ana))).with(csrf()))
            .hasRedirectedUrl("/account");

        assertThat(mvc.get().uri("/account").with(user(people.signedIn(ana)))).bodyText().contains("No tokens yet.");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
            .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void showsWhatIsWrongNextToEachFieldOfANewToken() {
        var ana = people.someone("Ana");

        assertThat(mvc.post().uri("/account/tokens").with(user(people.signedIn(ana))).with(csrf())
                .param("name", "").param("access", "read-write").param("expiresInDays", "400"))
            .hasStatusOk()
            .bodyText().contains("id=\"name-error\"", "id=\"expiresInDays-error\"", "at most 365 days")
            .doesNotContain("class=\"secret\"");
        assertThat(mvc.post().uri("/account/tokens").with(user(people.signedIn(ana))).with(csrf())
                .param("name", "export").param("access", "read-write").param("expiresInDays", "soon"))
            .hasStatusOk()
            .bodyText().contains("Enter a number of days from 1 to 365.", "value=\"export\"");
        assertThat(tokens.of(ana.id())).isEmpty();
    }

    @Test
    void refusesHttpBasicWhenTheAdministratorTurnedItOff() {
        var ana = people.someone("Ana");
        var issued = tokens.issue(ana.id(), new NewApiToken("script", "read-only", 7));

        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic(ana.email(), People.PASSWORD)))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .bodyJson().extractingPath("$.detail").asString().contains("Bearer");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + issued.secret())).hasStatusOk();
    }
}
