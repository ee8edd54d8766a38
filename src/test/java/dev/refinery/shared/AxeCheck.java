package dev.refinery.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.webjars.WebJarVersionLocator;

import com.microsoft.playwright.Page;

/**
 * axe-core, the npm package's own {@code axe.min.js} from its webjar, run inside a page that Playwright drives, against
 * the rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA. One line in a browser test checks the page as it is now:
 * <pre>{@code
 * AxeCheck.assertAccessible(page, "the queue at 375 px");
 * }</pre>
 * It fails with one entry per serious or critical violation (rule, impact, the CSS selectors of the elements, axe's help
 * text and link); minor and moderate findings do not fail it. Call it once the page has settled (after the assertion that
 * waits for what the test is about), as often as the page changes: every call checks the page anew.
 */
public final class AxeCheck {

    private static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String AXE = axe();

    // axe returns whole nodes and checks; the page hands back only what a reader of a failed test needs.
    private static final String RUN = """
            async tags => {
                const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return results.violations
                    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
                    .map(violation => ({
                        rule: violation.id,
                        impact: violation.impact,
                        help: violation.help,
                        helpUrl: violation.helpUrl,
                        targets: violation.nodes.map(node => node.target.join(' ')).join(', '),
                        detail: violation.nodes.map(node => node.failureSummary).slice(0, 1).join('')
                    }));
            }
            """;

    private AxeCheck() {
    }

    /** Fails, listing every one, if axe finds serious or critical violations of WCAG 2 A or AA on the page. */
    public static void assertAccessible(Page page, String what) {
        var violations = violations(page);
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core found " + violations.size() + " serious or critical violation(s) on " + what
                    + " (" + page.url() + "):\n" + String.join("\n", violations));
        }
    }

    /** The serious and critical violations on the page, one readable entry each; empty when there is none. */
    public static List<String> violations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            // Through Playwright rather than a <script> element, which a Content-Security-Policy of the page could refuse.
            page.evaluate(AXE);
        }
        @SuppressWarnings("unchecked")
        var found = (List<Map<String, Object>>) page.evaluate(RUN, WCAG_A_AND_AA);
        return found.stream().map(AxeCheck::line).toList();
    }

    private static String line(Map<String, Object> violation) {
        return "- " + violation.get("rule") + " (" + violation.get("impact") + "): " + violation.get("help")
                + "\n    at " + violation.get("targets")
                + "\n    " + String.valueOf(violation.get("detail")).lines().collect(Collectors.joining(" "))
                + "\n    " + violation.get("helpUrl");
    }

    private static String axe() {
        var path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        try (var script = path == null ? null : AxeCheck.class.getClassLoader().getResourceAsStream(path)) {
            if (script == null) {
                throw new IllegalStateException("No axe.min.js on the test class path: the axe-core webjar is missing");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
