package dev.refinery.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTests {

    @Test
    void rendersTheMarkdownThatTasksAreWrittenIn() {
        var html = Markdown.toHtml("""
                ## Why
                Customers **cannot** pay with [SEPA](https://example.com/sepa).

                - one
                - two

                | a | b |
                |---|---|
                | 1 | 2 |

                `code`
                """);

        assertThat(html).contains("<h2>Why</h2>", "<strong>cannot</strong>", "<li>one</li>", "<table>", "<td>1</td>",
                "<code>code</code>", "href=\"https://example.com/sepa\"");
    }

    @Test
    void strikesTextBetweenTwoTildesButLeavesASingleTildeAsAnApproximation() {
        assertThat(Markdown.toHtml("Pay by ~~cheque~~ SEPA, in ~5 days or ~3 with a cache."))
            .contains("<del>cheque</del>", "in ~5 days or ~3 with").doesNotContain("~~");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<svg onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<div style=\"background:url(javascript:alert(1))\">x</div>" })
    void leavesNothingActiveOfAnAttack(String attack) {
        assertThat(ActiveContent.in(Markdown.toHtml(attack))).isEmpty();
    }
}
