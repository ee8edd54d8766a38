package dev.refinery.identity;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;

import dev.refinery.shared.AxeCheck;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in a real browser against a real OpenID provider (Spring Authorization Server, started by the test):
 * Acme links by verified email and opens no accounts, Beta Login may open them, and Gone is configured at an address
 * where nothing answers, which did not keep the app from starting.
 */
@ExtendWith(BrowserAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SingleSignOnBrowserTests {

    static final OpenIdProvider provider = new OpenIdProvider();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry properties) {
        properties.add("refinery.oidc.acme.issuer", provider::issuer);
        properties.add("refinery.oidc.acme.client-id", () -> "refinery-acme");
        properties.add("refinery.oidc.acme.client-secret", () -> OpenIdProvider.SECRET);
        properties.add("refinery.oidc.beta.issuer", provider::issuer);
        properties.add("refinery.oidc.beta.client-id", () -> "refinery-beta");
        properties.add("refinery.oidc.beta.client-secret", () -> OpenIdProvider.SECRET);
        properties.add("refinery.oidc.beta.label", () -> "Beta Login");
        properties.add("refinery.oidc.beta.create-accounts", () -> "true");
        properties.add("refinery.oidc.gone.issuer", () -> "http://127.0.0.1:1");
        properties.add("refinery.oidc.gone.client-id", () -> "refinery-gone");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    Browser browser;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void redirectToThisApp() {
        provider.redirectTo(base());
        new People(accounts, null).administrator();
    }

    @Test
    void linksTheAccountWithTheSameVerifiedEmailAndKnowsItByItsSubjectOnceTheEmailChanged() {
        var ada = accounts.open(new NewAccount("ada.acme@refinery.test", "Ada Lovelace", People.PASSWORD));
        provider.add("ada", "Ada.Acme@refinery.test", true, "Ada at Acme");

        try (var person = browser.person(base(), 1280, 900)) {
            var page = person.newPage();
            page.navigate("/sign-in");
            var before = signInAtProvider(page, "Sign in with Acme", "ada");

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your teams"))).isVisible();
            assertThat(before).as("the session that went to the provider").isNotNull();
            assertThat(session(person)).as("the session id changed at sign-in").isNotNull().isNotEqualTo(before);
            page.navigate("/account");
            assertThat(page.locator("main h1")).hasText("Ada Lovelace");
            assertThat(page.locator("main")).containsText("ada.acme@refinery.test");
        }
        assertThat(audit("sign-in-succeeded", "ada.acme@refinery.test")).contains("Signed in with Acme (linked to this account by its verified email)");

        provider.changeEmail("ada", "ada@somewhere-else.test");
        try (var person = browser.person(base(), 1280, 900)) {
            var page = person.newPage();
            page.navigate("/sign-in");
            signInAtProvider(page, "Sign in with Acme", "ada");
            page.navigate("/account");
            assertThat(page.locator("main h1")).hasText("Ada Lovelace");
        }
        assertThat(accounts.find("ada@somewhere-else.test")).isEmpty();
        assertThat(audit("sign-in-succeeded", "ada.acme@refinery.test")).contains("Signed in with Acme");
        assertThat(ada.email()).isEqualTo("ada.acme@refinery.test");
    }

    @Test
    void opensAnAccountAtTheFirstSignInWithAProviderThatMay() {
        provider.add("grace", "grace.beta@refinery.test", true, "Grace Hopper");

        try (var person = browser.person(base(), 390, 844)) {
            var page = person.newPage();
            page.navigate("/sign-in");
            signInAtProvider(page, "Sign in with Beta Login", "grace");

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your teams"))).isVisible();
            page.navigate("/account");
            assertThat(page.locator("main h1")).hasText("Grace Hopper");
        }
        assertThat(accounts.find("grace.beta@refinery.test"))
            .hasValueSatisfying(grace -> assertThat(grace.administrator()).isFalse());
        assertThat(audit("account-opened", "grace.beta@refinery.test")).contains("grace.beta@refinery.test (at the first sign-in with Beta Login)");
    }

    @Test
    void refusesAFirstSignInWithoutAnAccountWhenTheProviderMayNotOpenOne() {
        provider.add("linus", "linus.acme@refinery.test", true, "Linus");

        try (var person = browser.person(base(), 1280, 900)) {
            var page = person.newPage();
            page.navigate("/sign-in");
            signInAtProvider(page, "Sign in with Acme", "linus");

            assertThat(page).hasURL(base() + "/sign-in?refused");
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("There is no Refinery account for linus.acme@refinery.test."
                    + " An administrator must open an account for this email before you can sign in with Acme.");
            page.navigate("/");
            assertThat(page).hasURL(base() + "/sign-in");
        }
        assertThat(accounts.find("linus.acme@refinery.test")).isEmpty();
        assertThat(audit("sign-in-failed", "linus.acme@refinery.test")).contains("Refused at sign-in with Acme: There is no Refinery account for linus.acme@refinery.test."
                + " An administrator must open an account for this email before you can sign in with Acme.");
    }

    @Test
    void neverLinksAnEmailTheProviderHasNotVerified() {
        var victim = accounts.open(new NewAccount("victim.acme@refinery.test", "Victor", People.PASSWORD));
        provider.add("mallory", "victim.acme@refinery.test", false, "Mallory");

        try (var person = browser.person(base(), 1280, 900)) {
            var page = person.newPage();
            page.navigate("/sign-in");
            signInAtProvider(page, "Sign in with Beta Login", "mallory");

            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Beta Login has not verified that victim.acme@refinery.test is yours");
            page.navigate("/account");
            assertThat(page).hasURL(base() + "/sign-in");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_external_identity WHERE account_id = :id")
            .param("id", victim.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void refusesADeactivatedAccount() {
        var admin = new People(accounts, null).administrator();
        var gone = accounts.open(new NewAccount("left.acme@refinery.test", "Left", People.PASSWORD));
        accounts.deactivate(gone.id(), admin.id());
        provider.add("left", "left.acme@refinery.test", true, "Left");

        try (var person = browser.person(base(), 1280, 900)) {
            var page = person.newPage();
            page.navigate("/sign-in");
            signInAtProvider(page, "Sign in with Acme", "left");

            assertThat(page.getByRole(AriaRole.ALERT))
                .hasText("The account left.acme@refinery.test is deactivated. An administrator can reactivate it.");
            page.navigate("/");
            assertThat(page).hasURL(base() + "/sign-in");
        }
    }

    @Test
    void saysThatAProviderWhichDoesNotAnswerIsUnavailable() {
        try (var person = browser.person(base(), 1280, 900)) {
            var page = person.newPage();
            page.navigate("/sign-in");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Gone")).click();

            assertThat(page).hasURL(base() + "/sign-in?unavailable=gone");
            assertThat(page.getByRole(AriaRole.ALERT))
                .hasText("Gone sign-in is unavailable right now. Try again in a few minutes, or sign in with your password.");
            assertThat(page.getByLabel("Password")).isVisible();
        }
    }

    /** The sign-in page with its providers' buttons, and with a notice, at both widths in both colour schemes. */
    @Test
    void theSignInPageWithProvidersPassesTheAccessibilityCheck() {
        var problems = new ArrayList<String>();
        try (var person = browser.person(base(), 1280, 900)) {
            var page = person.newPage();
            for (var width : List.of(1280, 375)) {
                for (var scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                    page.setViewportSize(width, 900);
                    page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
                    for (var path : List.of("/sign-in", "/sign-in?unavailable=gone")) {
                        page.navigate(path);
                        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Beta Login")))
                            .isVisible();
                        AxeCheck.violations(page).forEach(violation -> problems.add(path + " at " + width + " px, "
                                + scheme + ": " + violation));
                        var sideways = (Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                        if (sideways.intValue() > 0) {
                            problems.add(path + " at " + width + " px scrolls sideways");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Clicks the provider's button, signs in on the provider's own form, and waits to be back at the app; returns the
     * app's session id as it was while the person was at the provider.
     */
    private String signInAtProvider(Page page, String button, String username) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(button)).click();
        assertThat(page).hasURL(provider.issuer() + "/login");
        var before = session(page.context());
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(OpenIdProvider.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> url.startsWith(base() + "/"));
        return before;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String session(BrowserContext person) {
        return person.cookies().stream().filter(cookie -> cookie.name.equals("SESSION")).map(cookie -> cookie.value)
            .findFirst().orElse(null);
    }

    /** The subjects of the audit log's entries of this kind whose actor is this email. */
    private List<String> audit(String kind, String actor) {
        return jdbc.sql("SELECT subject FROM identity_audit WHERE kind = :kind AND actor = :actor ORDER BY id")
            .param("kind", kind)
            .param("actor", actor)
            .query(String.class)
            .list();
    }
}
