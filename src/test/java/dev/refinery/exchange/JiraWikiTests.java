package dev.refinery.exchange;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.refinery.exchange.JiraWiki.References.NONE;
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
        assertThat(JiraWiki.toMarkdown(wiki, NONE)).isEqualTo(markdown);
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
        assertThat(JiraWiki.toMarkdown(wiki, NONE)).isEqualTo(markdown);
    }

    @Test
    void numbersAndBulletsListsWithTheirNesting() {
        assertThat(JiraWiki.toMarkdown("# Ask\n## Sign\n# Store\n* One\n** Two\n*# Mixed\n- Dash", NONE))
            .isEqualTo("1. Ask\n   1. Sign\n1. Store\n- One\n  - Two\n  1. Mixed\n- Dash");
    }

    @Test
    void fencesCodeWithItsLanguageAndLeavesItsContentAlone() {
        var wiki = "Before\r\n{code:java}\r\nint x = *y* + _z_;\r\n# not a list\r\n{code}\r\nAfter *bold*";

        assertThat(JiraWiki.toMarkdown(wiki, NONE))
            .isEqualTo("Before\n```java\nint x = *y* + _z_;\n# not a list\n```\nAfter **bold**");
    }

    @Test
    void fencesNoformatAndCodeOnOneLine() {
        assertThat(JiraWiki.toMarkdown("{noformat}*raw*{noformat}", NONE)).isEqualTo("```\n*raw*\n```");
        assertThat(JiraWiki.toMarkdown("{code:language=sql|title=Q}select 1{code}", NONE)).isEqualTo("```sql\nselect 1\n```");
    }

    @Test
    void usesALongerFenceWhenTheCodeHasBackticks() {
        assertThat(JiraWiki.toMarkdown("{code}\n```\n{code}", NONE)).isEqualTo("````\n```\n````");
    }

    @Test
    void keepsAnUnclosedCodeBlockToTheEnd() {
        assertThat(JiraWiki.toMarkdown("{code}\nx *y*", NONE)).isEqualTo("```\nx *y*\n```");
    }

    @Test
    void quotesEveryLineOfAQuoteBlock() {
        assertThat(JiraWiki.toMarkdown("{quote}\nFirst *line*\nSecond\n{quote}\nAfter", NONE))
            .isEqualTo("> First **line**\n> Second\nAfter");
        assertThat(JiraWiki.toMarkdown("{quote}Short{quote}", NONE)).isEqualTo("> Short");
    }

    @Test
    void makesSimpleTablesMarkdownTables() {
        assertThat(JiraWiki.toMarkdown("||Card||Fee||\n|Visa|1.4%|\n|Amex|*2.9%*|", NONE))
            .isEqualTo("| Card | Fee |\n| --- | --- |\n| Visa | 1.4% |\n| Amex | **2.9%** |");
    }

    @Test
    void givesATableWithoutAHeaderRowAnEmptyHeaderAndFillsShortRows() {
        assertThat(JiraWiki.toMarkdown("|no|header|\n|a|b|", NONE))
            .isEqualTo("|  |  |\n| --- | --- |\n| no | header |\n| a | b |");
        assertThat(JiraWiki.toMarkdown("||A||B||\n|1|2|3|", NONE))
            .isEqualTo("| A | B |  |\n| --- | --- | --- |\n| 1 | 2 | 3 |");
    }

    @Test
    void keepsLinksMacrosAndImagesInsideTableCellsWhole() {
        var wiki = "||Step||Where||\n|[the design|https://example.com/d]|{color:red}hot{color} !shot.png|thumbnail!|\n"
                + "||Row header|{{a|b}}|";

        assertThat(JiraWiki.toMarkdown(wiki, NONE)).isEqualTo("| Step | Where |\n| --- | --- |\n"
                + "| [the design](https://example.com/d) | hot (image: shot.png) |\n| Row header | `a\\|b` |");
    }

    @Test
    void quotesAPanelWithItsTitleInBold() {
        assertThat(JiraWiki.toMarkdown("{panel:title=Before you start|borderStyle=dashed}\nAsk *Fay*\n{panel}\nAfter", NONE))
            .isEqualTo("> **Before you start**\n> Ask **Fay**\nAfter");
        assertThat(JiraWiki.toMarkdown("{panel}Plain{panel}", NONE)).isEqualTo("> Plain");
        assertThat(JiraWiki.toMarkdown("{note:title=Careful}Refunds take a day{note}", NONE))
            .isEqualTo("> **Careful**\n> Refunds take a day");
    }

    @Test
    void makesCodeAndNoformatInsideASentenceInlineCode() {
        assertThat(JiraWiki.toMarkdown("Run {code}mvn *verify*{code} first, then {noformat}a_b_c{noformat}.", NONE))
            .isEqualTo("Run `mvn *verify*` first, then `a_b_c`.");
    }

    @Test
    void startsACodeBlockThatOpensAfterTextOnItsLine() {
        assertThat(JiraWiki.toMarkdown("The query: {code:sql}\nselect *\n{code}", NONE))
            .isEqualTo("The query:\n```sql\nselect *\n```");
    }

    @Test
    void keepsTheTextOfColouredWords() {
        assertThat(JiraWiki.toMarkdown("{color:#ff0000}*Urgent*{color}: pay {color:red}today{color}", NONE))
            .isEqualTo("**Urgent**: pay today");
    }

    @Test
    void namesMentionedPeopleByTheNamesTheExportHoldsElseByTheirId() {
        var references = new JiraWiki.References(Map.of("5b10ac8d82e05b22cc7d4ef5", "Fay Fixer", "ana", "Ana Analyst"), Map.of());

        assertThat(JiraWiki.toMarkdown("ask [~accountid:5b10ac8d82e05b22cc7d4ef5] and [~ana] or [~accountid:557058:f00]",
                references)).isEqualTo("ask @Fay Fixer and @Ana Analyst or @557058:f00");
    }

    @Test
    void linksImagesToTheirAttachmentsElseNamesThem() {
        var references = new JiraWiki.References(Map.of(),
                Map.of("flow.png", "https://shop.atlassian.net/secure/attachment/10010/flow.png"));

        assertThat(JiraWiki.toMarkdown("See !flow.png! and !flow.png|thumbnail!, not !gone.jpg|width=300!.", references))
            .isEqualTo("See [flow.png](https://shop.atlassian.net/secure/attachment/10010/flow.png) and "
                    + "[flow.png](https://shop.atlassian.net/secure/attachment/10010/flow.png), not (image: gone.jpg).");
        assertThat(JiraWiki.toMarkdown("!https://example.com/a.png!", NONE)).isEqualTo("[a.png](https://example.com/a.png)");
        assertThat(JiraWiki.toMarkdown("Wow! That works!", NONE)).isEqualTo("Wow! That works!");
    }

    @Test
    void endsLinesWithLineFeedsOnly() {
        assertThat(JiraWiki.toMarkdown("one\r\ntwo\rthree", NONE)).isEqualTo("one\ntwo\nthree");
    }

    @Test
    void turnsNothingIntoNothing() {
        assertThat(JiraWiki.toMarkdown(null, NONE)).isEmpty();
        assertThat(JiraWiki.toMarkdown("", NONE)).isEmpty();
    }
}
