package dev.refinery.shared;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Debian's headless Chromium driven by Playwright, which must never download a browser of its own. Each
 * participant of a test gets a context of their own: separate cookies, like separate people.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(BrowserAvailable.CHROMIUM)
            .setHeadless(true)
            .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    public BrowserContext person(String baseUrl) {
        return person(baseUrl, 390, 844);
    }

    /** A person whose screen is this wide and high: a laptop at 1280 px, a phone at 375. */
    public BrowserContext person(String baseUrl, int width, int height) {
        return chromium.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(width, height));
    }

    /** A person whose browser runs no JavaScript: every page must work with links and forms alone. */
    public BrowserContext personWithoutJavaScript(String baseUrl) {
        return chromium.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(390, 844)
            .setJavaScriptEnabled(false));
    }

    /** Signs a person in through the sign-in form and waits for the home page. */
    public Page signIn(BrowserContext person, String email, String password) {
        var page = person.newPage();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your teams")))
            .isVisible();
        return page;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
