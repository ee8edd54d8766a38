package dev.refinery.exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JiraWikiTests {

    @ParameterizedTest
    @CsvSource(delimiter = '→', textBlock = """
            h1. Payments            → # Payments
            h3. Why *now*           → ### Why **now**
            h6. Small               → ###### Small
            Pay *without a card*    → Pay **without a card**
            An _important_ part     → An *important* part
            Call {{RefundGateway}}  → Call `RefundGateway`
            {{a_b_c}} stays as is   → `a_b_c` stays as is
            Was -the old job- gone  → Was ~~the old job~~ gone
            [the design|https://example.com/a] → [the design](https://example.com/a)
            [https://example.com/b] → <https://example.com/b>
            bq. Pay at night        → > Pay at night
            ----                    → ---
            ask [~fay] first        → ask @fay first
            {color:red}Red{color} text → Red text
            """)
    void turnsEachMarkupIntoItsMarkdown(String wiki, String markdown) {
        assertThat(JiraWiki.toMarkdown(wiki)).isEqualTo(markdown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '→', textBlock = """
            2026-11-27 to 2026-11-28 → 2026-11-27 to 2026-11-28
            well-known-thing         → well-known-thing
            a - b - c                → a - b - c
            5 * 3 * 2                → 5 * 3 * 2
            snake_case_name          → snake_case_name
            https://example.com/a_b_c → https://example.com/a_b_c
            """)
    void leavesDashesStarsAndUnderscoresInsideWordsAlone(String wiki, String markdown) {
        assertThat(JiraWiki.toMarkdown(wiki)).isEqualTo(markdown);
    }

    @Test
    void numbersAndBulletsListsWithTheirNesting() {
        assertThat(JiraWiki.toMarkdown("# Ask\n## Sign\n# Store\n* One\n** Two\n*# Mixed\n- Dash"))
            .isEqualTo("1. Ask\n   1. Sign\n1. Store\n- One\n  - Two\n  1. Mixed\n- Dash");
    }

    @Test
    void fencesCodeWithItsLanguageAndLeavesItsContentAlone() {
        var wiki = "Before\r\n{code:java}\r\nint x = *y* + _z_;\r\n# not a list\r\n{code}\r\nAfter *bold*";

        assertThat(JiraWiki.toMarkdown(wiki))
            .isEqualTo("Before\n```java\nint x = *y* + _z_;\n# not a list\n```\nAfter **bold**");
    }

    @Test
    void fencesNoformatAndCodeOnOneLine() {
        assertThat(JiraWiki.toMarkdown("{noformat}*raw*{noformat}")).isEqualTo("```\n*raw*\n```");
        assertThat(JiraWiki.toMarkdown("{code:language=sql|title=Q}select 1{code}")).isEqualTo("```sql\nselect 1\n```");
    }

    @Test
    void usesALongerFenceWhenTheCodeHasBackticks() {
        assertThat(JiraWiki.toMarkdown("{code}\n```\n{code}")).isEqualTo("````\n```\n````");
    }

    @Test
    void keepsAnUnclosedCodeBlockToTheEnd() {
        assertThat(JiraWiki.toMarkdown("{code}\nx *y*")).isEqualTo("```\nx *y*\n```");
    }

    @Test
    void quotesEveryLineOfAQuoteBlock() {
        assertThat(JiraWiki.toMarkdown("{quote}\nFirst *line*\nSecond\n{quote}\nAfter"))
            .isEqualTo("> First **line**\n> Second\nAfter");
        assertThat(JiraWiki.toMarkdown("{quote}Short{quote}")).isEqualTo("> Short");
    }

    @Test
    void makesSimpleTablesMarkdownTables() {
        assertThat(JiraWiki.toMarkdown("||Card||Fee||\n|Visa|1.4%|\n|Amex|*2.9%*|"))
            .isEqualTo("| Card | Fee |\n| --- | --- |\n| Visa | 1.4% |\n| Amex | **2.9%** |");
    }

    @Test
    void leavesTablesThatAreNotSimpleAsText() {
        assertThat(JiraWiki.toMarkdown("|no|header|\n|a|b|")).isEqualTo("|no|header|\n|a|b|");
        assertThat(JiraWiki.toMarkdown("||A||B||\n|1|2|3|")).isEqualTo("||A||B||\n|1|2|3|");
    }

    @Test
    void endsLinesWithLineFeedsOnly() {
        assertThat(JiraWiki.toMarkdown("one\r\ntwo\rthree")).isEqualTo("one\ntwo\nthree");
    }

    @Test
    void turnsNothingIntoNothing() {
        assertThat(JiraWiki.toMarkdown(null)).isEmpty();
        assertThat(JiraWiki.toMarkdown("")).isEmpty();
    }
}
