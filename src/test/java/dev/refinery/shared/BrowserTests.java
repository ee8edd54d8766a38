package dev.refinery.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every browser test fails when a page breaks its Content-Security-Policy, and says what the browser refused. */
@ExtendWith(BrowserAvailable.class)
class BrowserTests {

    Browser browser;

    @Test
    void failsWhenThePolicyRefusedAnInlineScript() {
        var person = browser.person("http://127.0.0.1");
        var page = person.newPage();
        page.setContent("""
                <!DOCTYPE html><html lang="en"><head><title>Inline</title>
                <meta http-equiv="Content-Security-Policy" content="script-src 'self'">
                </head><body><script>document.title = 'ran';</script></body></html>
                """);

        assertThatThrownBy(person::close)
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("refused 1 thing(s) by the Content-Security-Policy")
            .hasMessageContaining("script-src 'self'");
    }

    @Test
    void closesQuietlyWhenNothingWasRefused() {
        var person = browser.person("http://127.0.0.1");
        var page = person.newPage();
        page.setContent("""
                <!DOCTYPE html><html lang="en"><head><title>Fine</title>
                <meta http-equiv="Content-Security-Policy" content="script-src 'none'">
                </head><body><p>Nothing to run</p></body></html>
                """);

        assertThatCode(person::close).doesNotThrowAnyException();
    }
}
