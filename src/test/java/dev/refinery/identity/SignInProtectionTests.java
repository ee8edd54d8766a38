package dev.refinery.identity;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.refinery.shared.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Guessing passwords: failures slow down and then lock an account or an address, the lock is in the database, and time
 * passes by the application's clock, not by waiting. Each test signs in from an address of its own. On each database
 * (see the subclasses).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Replacing.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SignInProtectionTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    MovableClock clock;

    People people;
    RequestPostProcessor from;

    @BeforeEach
    void people() {
        people = new People(accounts, mvc);
        from = address("10.0.0." + ADDRESSES.incrementAndGet());
    }

    @Test
    void tenWrongPasswordsForOneAccountLockItAndTheRightPasswordIsRefusedUntilTheLockEnds() {
        var ana = people.someone("Ana");
        for (var attempt = 1; attempt <= 10; attempt++) {
            assertThat(me(ana.email(), "a wrong guess " + attempt)).as("attempt " + attempt).hasStatus(HttpStatus.UNAUTHORIZED);
            clock.move(Duration.ofMinutes(1));
        }

        assertThat(me(ana.email(), People.PASSWORD))
            .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
            .hasHeader("Retry-After", Long.toString(Duration.ofMinutes(14).toSeconds()))
            .bodyJson().extractingPath("$.detail").asString().startsWith("Too many failed sign-ins: try again after ");
        clock.move(Duration.ofMinutes(13));
        assertThat(me(ana.email(), People.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);

        clock.move(Duration.ofMinutes(1));

        assertThat(me(ana.email(), People.PASSWORD)).hasStatusOk();
    }

    @Test
    void slowsDownAfterFiveFailuresThenLetsTheRightPasswordInOnceTheWaitIsOver() {
        var ana = people.someone("Ana");
        for (var attempt = 1; attempt <= 5; attempt++) {
            assertThat(me(ana.email(), "a wrong guess")).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        assertThat(me(ana.email(), People.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader("Retry-After", "1");
        clock.move(Duration.ofSeconds(1));

        assertThat(me(ana.email(), People.PASSWORD)).hasStatusOk();
        assertThat(me(ana.email(), "a wrong guess")).as("a success starts the count again").hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(me(ana.email(), People.PASSWORD)).hasStatusOk();
    }

    @Test
    void locksAnEmailWithoutAnAccountExactlyLikeOneWithAnAccount() {
        var ana = people.someone("Ana");
        var nobody = "nobody." + People.newKey().toLowerCase() + "@refinery.test";
        for (var attempt = 1; attempt <= 10; attempt++) {
            me(ana.email(), "a wrong guess").exchange();
            me(nobody, "a wrong guess").exchange();
            clock.move(Duration.ofMinutes(1));
        }

        var real = me(ana.email(), People.PASSWORD).exchange();
        var madeUp = me(nobody, People.PASSWORD).exchange();

        assertThat(madeUp.getResponse().getStatus()).isEqualTo(real.getResponse().getStatus()).isEqualTo(429);
        assertThat(madeUp.getResponse().getHeader("Retry-After")).isEqualTo(real.getResponse().getHeader("Retry-After"));
    }

    @Test
    void locksAnAddressThatTriesManyAccountsAndOnlyThatAddress() {
        var ana = people.someone("Ana");
        for (var attempt = 1; attempt <= 50; attempt++) {
            me("guess" + attempt + "@refinery.test", "a wrong guess").exchange();
            clock.move(Duration.ofMinutes(1));
        }

        assertThat(me(ana.email(), People.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic(ana.email(), People.PASSWORD)).with(address("10.1.0.1")))
            .hasStatusOk();
    }

    @Test
    void tellsThePersonOnTheSignInPageWhenToTryAgain() {
        var ana = people.someone("Ana");
        for (var attempt = 1; attempt <= 10; attempt++) {
            assertThat(signIn(ana.email(), "a wrong guess")).hasRedirectedUrl("/sign-in?error");
            clock.move(Duration.ofMinutes(1));
        }

        var refused = signIn(ana.email(), People.PASSWORD).exchange();

        assertThat(refused).redirectedUrl().startsWith("/sign-in?locked=");
        assertThat(mvc.get().uri(refused.getResponse().getRedirectedUrl()))
            .hasStatusOk().bodyText().contains("Too many failed sign-ins: try again after ");
    }

    @Test
    void countsWrongCurrentPasswordsOnThePasswordFormAsFailedSignIns() {
        var ana = people.someone("Ana");
        for (var attempt = 1; attempt <= 10; attempt++) {
            assertThat(changePassword(ana, "a wrong guess")).hasStatusOk().bodyText().contains("This is not your current password.");
            clock.move(Duration.ofMinutes(1));
        }

        assertThat(changePassword(ana, People.PASSWORD))
            .hasStatusOk().bodyText().contains("id=\"currentPassword-error\"", "Too many failed sign-ins: try again after ");
        assertThat(me(ana.email(), People.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void changesTheSessionIdAtSignIn() {
        var ana = people.someone("Ana");
        var before = mvc.get().uri("/sign-in").exchange().getResponse().getCookie("SESSION");
        assertThat(before).isNotNull();

        var signedIn = mvc.post().uri("/sign-in").with(csrf()).with(from).cookie(before)
            .param("email", ana.email()).param("password", People.PASSWORD).exchange();

        assertThat(signedIn).hasRedirectedUrl("/");
        assertThat(signedIn.getResponse().getCookie("SESSION")).isNotNull()
            .extracting(jakarta.servlet.http.Cookie::getValue).isNotEqualTo(before.getValue());
    }

    @Test
    void refusesShortAndCommonPasswordsWithoutCompositionRules() {
        var admin = people.administrator();

        assertThat(openAccount(admin, "eleven char")).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].message").isEqualTo("A password has 12 to 128 characters.");
        assertThat(openAccount(admin, "Password1234")).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].message").asString().contains("among the most common ones");
        assertThat(openAccount(admin, "twelve chars")).hasStatus(HttpStatus.CREATED);
    }

    private MockMvcRequestBuilder me(String email, String password) {
        return mvc.get().uri("/api/v1/me").with(httpBasic(email, password)).with(from);
    }

    private MockMvcRequestBuilder changePassword(Account account, String current) {
        return mvc.post().uri("/account/password").with(user(people.signedIn(account))).with(csrf()).with(from)
            .param("currentPassword", current).param("newPassword", "a new long password");
    }

    private MockMvcRequestBuilder signIn(String email, String password) {
        return mvc.post().uri("/sign-in").with(csrf()).with(from).param("email", email).param("password", password);
    }

    private MockMvcRequestBuilder openAccount(Account admin, String password) {
        return mvc.post().uri("/api/v1/users").with(People.basic(admin)).with(from).contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"email": "%s@refinery.test", "displayName": "New", "password": "%s"}""".formatted(People.newKey().toLowerCase(), password));
    }

    private static RequestPostProcessor address(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
