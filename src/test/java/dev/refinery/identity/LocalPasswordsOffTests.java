package dev.refinery.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The administrator turned local passwords off and configured one provider, whose issuer does not answer: the app
 * started all the same, the sign-in page offers only the provider, the password form and HTTP Basic are refused, and
 * API tokens keep working.
 */
@SpringBootTest(properties = {
        "refinery.local-passwords=false",
        "refinery.oidc.acme.issuer=http://127.0.0.1:1",
        "refinery.oidc.acme.client-id=refinery",
        "refinery.oidc.acme.client-secret=secret" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LocalPasswordsOffTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSignInPageOffersOnlyTheProviders() {
        new People(accounts, mvc).administrator();

        assertThat(mvc.get().uri("/sign-in")).hasStatusOk().bodyText()
            .contains("<a class=\"button-link\" href=\"/oauth2/authorization/acme\">Sign in with Acme</a>")
            .doesNotContain("type=\"password\"", "action=\"/sign-in\"");
    }

    @Test
    void refusesThePasswordFormEvenWithTheRightPassword() {
        var admin = new People(accounts, mvc).administrator();

        var posted = mvc.post().uri("/sign-in").with(csrf()).param("email", admin.email()).param("password", People.PASSWORD).exchange();
        assertThat(posted).hasRedirectedUrl("/sign-in?passwords-off");
        assertThat(posted.getRequest().getSession(false) == null ? null
                : posted.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT")).isNull();
        assertThat(mvc.get().uri("/sign-in").param("passwords-off", "")).hasStatusOk().bodyText()
            .contains("Passwords are turned off here: sign in with your organisation's account below.");
    }

    @Test
    void refusesHttpBasicButTakesApiTokens() {
        var admin = new People(accounts, mvc).administrator();
        var token = tokens.issue(admin.id(), new NewApiToken("script", "read-only", 30));

        assertThat(mvc.get().uri("/api/v1/me").with(People.basic(admin))).hasStatus(401);
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.secret()))
            .hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo(admin.email());
    }

    @Test
    void sendsThePersonBackToTheSignInPageWhenTheProviderDoesNotAnswer() {
        assertThat(mvc.get().uri("/oauth2/authorization/acme")).hasRedirectedUrl("/sign-in?unavailable=acme");
        assertThat(mvc.get().uri("/sign-in?unavailable=acme")).hasStatusOk().bodyText()
            .contains("role=\"alert\">Acme sign-in is unavailable right now. Try again in a few minutes.</p>");
    }

    @Test
    void saysASignInThatDidNotCompleteAndAuditsIt() {
        var answered = mvc.get().uri("/login/oauth2/code/acme").param("code", "forged").param("state", "unknown").exchange();

        assertThat(answered).hasRedirectedUrl("/sign-in?refused");
        var session = answered.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(mvc.get().uri("/sign-in").param("refused", "").cookie(session)).hasStatusOk().bodyText()
            .contains("role=\"alert\">Signing in with Acme did not complete. Try again.</p>");
        assertThat(jdbc.sql("SELECT subject FROM identity_audit WHERE kind = 'sign-in-failed' ORDER BY id")
                .query(String.class).list())
            .anySatisfy(subject -> assertThat(subject).startsWith("Sign-in with Acme did not complete: [authorization_request_not_found]"));
    }

    @Test
    void knowsNoOtherProvider() {
        assertThat(mvc.get().uri("/oauth2/authorization/nobody")).hasStatus(404);
    }
}
