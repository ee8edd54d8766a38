package dev.refinery.shared;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

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
        return chromium.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(390, 844));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
