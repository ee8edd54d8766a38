package dev.refinery.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Debian's headless Chromium driven by Playwright, which must never download a browser of its own. Each
 * participant of a test gets a context of their own: separate cookies, like separate people. Closing a context fails
 * the test, listing them all, if any page of it broke the Content-Security-Policy: a script, style or image the
 * browser refused is a part of the page that no longer works.
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
        return watched(chromium.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(width, height)));
    }

    /** A person whose browser runs no JavaScript: every page must work with links and forms alone. */
    public BrowserContext personWithoutJavaScript(String baseUrl) {
        return watched(chromium.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(390, 844)
            .setJavaScriptEnabled(false)));
    }

    /** The context, whose {@code close()} throws an AssertionError after closing if the browser refused anything by CSP. */
    private static BrowserContext watched(BrowserContext context) {
        var refused = new CopyOnWriteArrayList<String>();
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.location() + ": " + message.text());
            }
        });
        return (BrowserContext) Proxy.newProxyInstance(BrowserContext.class.getClassLoader(),
                new Class<?>[] { BrowserContext.class }, (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(context, arguments);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                    if (method.getName().equals("close") && !refused.isEmpty()) {
                        throw new AssertionError("The browser refused " + refused.size()
                                + " thing(s) by the Content-Security-Policy:\n- " + String.join("\n- ", refused));
                    }
                    return result;
                });
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
