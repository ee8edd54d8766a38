package dev.refinery.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check that every browser test can call fails where a person would be stuck, and names what and where. */
@ExtendWith(BrowserAvailable.class)
class AxeCheckTests {

    Browser browser;

    @Test
    void namesEverySeriousViolationWithItsRuleImpactAndElement() {
        try (var person = browser.person("http://127.0.0.1")) {
            var page = person.newPage();
            page.setContent("""
                    <!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main>
                    <h1>Broken</h1>
                    <img id="chart" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                    <p id="faint" style="color: #bbbbbb; background: #ffffff">Hard to read</p>
                    </main></body></html>
                    """);

            assertThatThrownBy(() -> AxeCheck.assertAccessible(page, "a broken page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 serious or critical violation(s) on a broken page")
                .hasMessageContaining("image-alt (critical)")
                .hasMessageContaining("#chart")
                .hasMessageContaining("color-contrast (serious)")
                .hasMessageContaining("#faint");
        }
    }

    @Test
    void passesAPageWithNamesLabelsAndContrast() {
        try (var person = browser.person("http://127.0.0.1")) {
            var page = person.newPage();
            page.setContent("""
                    <!DOCTYPE html><html lang="en"><head><title>Fine</title></head><body><main>
                    <h1>Fine</h1>
                    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot">
                    <label for="name">Name</label> <input id="name">
                    </main></body></html>
                    """);

            assertThatCode(() -> AxeCheck.assertAccessible(page, "a fine page")).doesNotThrowAnyException();
        }
    }
}
