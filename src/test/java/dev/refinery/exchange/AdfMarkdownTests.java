package dev.refinery.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.refinery.shared.Markdown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AdfMarkdownTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A Jira Cloud description as the REST API v3 returns it, its nodes shaped as Atlassian's document format
     * reference shows them.
     */
    private static final String STORY = """
            {"type": "doc", "version": 1, "content": [
              {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Refunds without a card"}]},
              {"type": "paragraph", "content": [
                {"type": "text", "text": "As agreed with "},
                {"type": "mention", "attrs": {"id": "5b10ac8d82e05b22cc7d4ef5", "text": "@Fay Ortiz", "accessLevel": ""}},
                {"type": "text", "text": ", pay back "},
                {"type": "text", "text": "to the wallet", "marks": [{"type": "strong"}]},
                {"type": "text", "text": " by "},
                {"type": "date", "attrs": {"timestamp": "1796083200000"}},
                {"type": "text", "text": " "},
                {"type": "emoji", "attrs": {"shortName": ":rocket:", "id": "1f680", "text": "🚀"}},
                {"type": "hardBreak"},
                {"type": "text", "text": "See the "},
                {"type": "text", "text": "design", "marks": [{"type": "link", "attrs": {"href": "https://example.com/design"}}]},
                {"type": "text", "text": " and "},
                {"type": "inlineCard", "attrs": {"url": "https://acme.atlassian.net/browse/PAY-7"}},
                {"type": "text", "text": " (status "},
                {"type": "status", "attrs": {"text": "In review", "color": "blue", "localId": "abc"}},
                {"type": "text", "text": ")."}
              ]},
              {"type": "bulletList", "content": [
                {"type": "listItem", "content": [
                  {"type": "paragraph", "content": [{"type": "text", "text": "Call "}, {"type": "text", "text": "RefundGateway", "marks": [{"type": "code"}]}]},
                  {"type": "orderedList", "attrs": {"order": 1}, "content": [
                    {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "ask"}]}]},
                    {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "store"}]}]}
                  ]}
                ]},
                {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Log it"}]}]}
              ]},
              {"type": "codeBlock", "attrs": {"language": "java"}, "content": [{"type": "text", "text": "refunds.pay(order);\\nlog.info(\\"*done*\\");"}]},
              {"type": "panel", "attrs": {"panelType": "warning"}, "content": [
                {"type": "paragraph", "content": [{"type": "text", "text": "Never twice for one order."}]}
              ]},
              {"type": "table", "attrs": {"isNumberColumnEnabled": false, "layout": "default"}, "content": [
                {"type": "tableRow", "content": [
                  {"type": "tableHeader", "attrs": {}, "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Case", "marks": [{"type": "strong"}]}]}]},
                  {"type": "tableHeader", "attrs": {}, "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Who", "marks": [{"type": "strong"}]}]}]}
                ]},
                {"type": "tableRow", "content": [
                  {"type": "tableCell", "attrs": {}, "content": [
                    {"type": "paragraph", "content": [{"type": "text", "text": "Card | expired"}]},
                    {"type": "paragraph", "content": [{"type": "text", "text": "or lost"}]}
                  ]},
                  {"type": "tableCell", "attrs": {}, "content": [{"type": "paragraph", "content": [
                    {"type": "mention", "attrs": {"id": "5b10a2844c20165700ede21g", "text": "@Ana"}}
                  ]}]}
                ]}
              ]},
              {"type": "mediaSingle", "attrs": {"layout": "center"}, "content": [
                {"type": "media", "attrs": {"id": "4478e39c-cf9b-41d1-ba92-68589487cd75", "type": "file", "collection": "MediaServicesSample", "width": 640, "height": 480}}
              ]},
              {"type": "taskList", "attrs": {"localId": "t1"}, "content": [
                {"type": "taskItem", "attrs": {"localId": "t2", "state": "DONE"}, "content": [{"type": "text", "text": "Draft the flow"}]},
                {"type": "taskItem", "attrs": {"localId": "t3", "state": "TODO"}, "content": [{"type": "text", "text": "Ask legal"}]}
              ]},
              {"type": "rule"},
              {"type": "expand", "attrs": {"title": "Background"}, "content": [
                {"type": "blockquote", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Customers asked for it."}]}]}
              ]}
            ]}
            """;

    private static final String STORY_MARKDOWN = """
            ## Refunds without a card

            As agreed with @Fay Ortiz, pay back **to the wallet** by 2026-12-01 🚀\\
            See the [design](https://example.com/design) and [https://acme.atlassian.net/browse/PAY-7](https://acme.atlassian.net/browse/PAY-7) (status \\[In review\\]).

            - Call `RefundGateway`
              1. ask
              2. store
            - Log it

            ```java
            refunds.pay(order);
            log.info("*done*");
            ```

            > **Warning**
            >
            > Never twice for one order.

            | **Case** | **Who** |
            | --- | --- |
            | Card \\| expired or lost | @Ana |

            (attachment)

            - [x] Draft the flow
            - [ ] Ask legal

            ---

            **Background**

            > Customers asked for it.""";

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** A document of the given blocks, each a JSON object as Atlassian documents it. */
    private static String markdown(String... blocks) {
        return AdfMarkdown.markdown(json("{\"type\":\"doc\",\"version\":1,\"content\":[" + String.join(",", blocks) + "]}"));
    }

    private static String paragraph(String... inline) {
        return "{\"type\":\"paragraph\",\"content\":[" + String.join(",", inline) + "]}";
    }

    private static String text(String text, String... marks) {
        return "{\"type\":\"text\",\"text\":" + JSON.writeValueAsString(text) + ",\"marks\":[" + String.join(",", marks)
                + "]}";
    }

    private static String mark(String type) {
        return "{\"type\":\"" + type + "\"}";
    }

    @Test
    void writesAJiraDescriptionAsMarkdown() {
        assertThat(AdfMarkdown.markdown(json(STORY))).isEqualTo(STORY_MARKDOWN);
    }

    @Test
    void theRendererShowsTheTableAsATableAndTheMentionAsText() {
        var html = Markdown.toHtml(AdfMarkdown.markdown(json(STORY)));

        // The sanitiser writes "@" as "&#64;", which the browser shows as "@".
        assertThat(html).contains("<table>", "<th><strong>Case</strong></th>", "<td>Card | expired or lost</td>",
                "<td>&#64;Ana</td>", "<h2>Refunds without a card</h2>", "As agreed with &#64;Fay Ortiz, pay back",
                "<li>Call <code>RefundGateway</code>", "[In review]");
        assertThat(html).doesNotContain("MediaServicesSample", "4478e39c", "<img");
    }

    @Test
    void answersNothingForNoDocument() {
        assertThat(AdfMarkdown.markdown(null)).isEmpty();
        assertThat(AdfMarkdown.markdown(json("null"))).isEmpty();
        assertThat(AdfMarkdown.markdown(json("\"a plain description\""))).isEmpty();
        assertThat(AdfMarkdown.markdown(json("{\"type\":\"paragraph\",\"content\":[]}"))).isEmpty();
        assertThat(AdfMarkdown.markdown(json("{\"type\":\"doc\",\"version\":1,\"content\":[]}"))).isEmpty();
        assertThat(AdfMarkdown.markdown(json("{}").get("description"))).isEmpty();
        assertThat(AdfMarkdown.markdown(json("{}").path("description"))).isEmpty();
    }

    @Test
    void writesHeadingsOfEveryLevel() {
        for (int level = 1; level <= 6; level++) {
            assertThat(markdown("{\"type\":\"heading\",\"attrs\":{\"level\":" + level + "},\"content\":[" + text("Pay")
                    + "]}")).isEqualTo("#".repeat(level) + " Pay");
        }
        assertThat(markdown("{\"type\":\"heading\",\"attrs\":{\"level\":9},\"content\":[" + text("Deep") + "]}"))
            .isEqualTo("###### Deep");
        assertThat(markdown("{\"type\":\"heading\",\"attrs\":{\"level\":2},\"content\":[" + text("Learn C#") + "]}"))
            .isEqualTo("## Learn C\\#");
    }

    @Test
    void writesEachTextMark() {
        assertThat(markdown(paragraph(text("bold", mark("strong"))))).isEqualTo("**bold**");
        assertThat(markdown(paragraph(text("it", mark("em"))))).isEqualTo("*it*");
        assertThat(markdown(paragraph(text("x = 1", mark("code"))))).isEqualTo("`x = 1`");
        assertThat(markdown(paragraph(text("use `a`", mark("code"))))).isEqualTo("`` use `a` ``");
        assertThat(markdown(paragraph(text("gone", mark("strike"))))).isEqualTo("~~gone~~");
        assertThat(markdown(paragraph(text("under", mark("underline"))))).isEqualTo("under");
        assertThat(markdown(paragraph(text("red", "{\"type\":\"textColor\",\"attrs\":{\"color\":\"#ff0000\"}}"))))
            .isEqualTo("red");
        assertThat(markdown(paragraph(text("E = mc"), text("2", "{\"type\":\"subsup\",\"attrs\":{\"type\":\"sup\"}}"),
                text(" and H"), text("2", "{\"type\":\"subsup\",\"attrs\":{\"type\":\"sub\"}}"), text("O"))))
            .isEqualTo("E = mc^2 and H2O");
        assertThat(markdown(paragraph(text("the docs", "{\"type\":\"link\",\"attrs\":{\"href\":\"https://example.com/a (b)\"}}"))))
            .isEqualTo("[the docs](https://example.com/a%20%28b%29)");
        assertThat(markdown(paragraph(text("click", "{\"type\":\"link\",\"attrs\":{\"href\":\"javascript:alert(1)\"}}"))))
            .isEqualTo("click");
    }

    @Test
    void keepsMarksOpenAcrossNeighboursAndSpacesOutsideThem() {
        assertThat(markdown(paragraph(text("Pay "), text(" without ", mark("strong")), text("a card"))))
            .isEqualTo("Pay  **without** a card");
        assertThat(markdown(paragraph(text("see ", mark("strong")), text("docs", mark("strong"),
                "{\"type\":\"link\",\"attrs\":{\"href\":\"https://example.com\"}}"), text(" now", mark("strong")))))
            .isEqualTo("**see [docs](https://example.com) now**");
        assertThat(markdown(paragraph(text("a", mark("em")), text("b", mark("em"), mark("strong")))))
            .isEqualTo("*a**b***");
    }

    @Test
    void escapesTextThatWouldBecomeMarkup() {
        assertThat(markdown(paragraph(text("Use *stars* and _under_ [x](y) <b> `tick` \\ &amp; ~~no~~"))))
            .isEqualTo("Use \\*stars\\* and \\_under\\_ \\[x\\](y) \\<b> \\`tick\\` \\\\ \\&amp; \\~\\~no\\~\\~");
        assertThat(markdown(paragraph(text("snake_case_name, 5 * 3, R&D, ~5 days, a > b"))))
            .isEqualTo("snake_case_name, 5 * 3, R&D, ~5 days, a > b");
        assertThat(markdown(paragraph(text("# not a heading")), paragraph(text("- not a list")),
                paragraph(text("1. not a list")), paragraph(text("> not a quote")), paragraph(text("---")),
                paragraph(text("+ not"), "{\"type\":\"hardBreak\"}", text("==="))))
            .isEqualTo("\\# not a heading\n\n\\- not a list\n\n1\\. not a list\n\n\\> not a quote\n\n\\---\n\n"
                    + "\\+ not\\\n\\===");
    }

    @Test
    void rendersEscapedTextAsTheTextItWas() {
        var text = "Use *stars*, _under_, [x](y), <b>, `tick`, \\, &amp;, ~~no~~, # one, 1. two";

        assertThat(Markdown.toHtml(markdown(paragraph(text(text)))))
            .isEqualTo("<p>Use *stars*, _under_, [x](y), &lt;b&gt;, &#96;tick&#96;, \\, &amp;amp;, ~~no~~, # one, 1. two</p>\n");
    }

    @Test
    void numbersOrderedListsFromTheirOrderAndNestsLists() {
        var list = """
                {"type": "orderedList", "attrs": {"order": 3}, "content": [
                  {"type": "listItem", "content": [
                    {"type": "paragraph", "content": [{"type": "text", "text": "third"}]},
                    {"type": "bulletList", "content": [
                      {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "inner"}]},
                        {"type": "codeBlock", "content": [{"type": "text", "text": "x"}]}]}
                    ]}
                  ]},
                  {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "fourth"}]}]}
                ]}
                """;

        assertThat(markdown(list)).isEqualTo("3. third\n   - inner\n\n     ```\n     x\n     ```\n4. fourth");
    }

    @Test
    void fencesCodeLongerThanTheBackticksInside() {
        var code = "{\"type\":\"codeBlock\",\"attrs\":{\"language\":\"markdown\"},\"content\":[" + text("```\nfenced\n```") + "]}";

        assertThat(markdown(code)).isEqualTo("````markdown\n```\nfenced\n```\n````");
        assertThat(markdown("{\"type\":\"codeBlock\",\"attrs\":{\"language\":\"x\\\"><script>\"},\"content\":[" + text("a") + "]}"))
            .isEqualTo("```\na\n```");
    }

    @Test
    void givesATableWithoutHeaderRowItsFirstRowAsHeader() {
        var table = """
                {"type": "table", "content": [
                  {"type": "tableRow", "content": [
                    {"type": "tableCell", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "a"}]}]},
                    {"type": "tableCell", "attrs": {"colspan": 2}, "content": [{"type": "paragraph", "content": [{"type": "text", "text": "b"}]}]}
                  ]},
                  {"type": "tableRow", "content": [
                    {"type": "tableCell", "content": [{"type": "bulletList", "content": [
                      {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "x"}]}]},
                      {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "y"}]}]}]}]},
                    {"type": "tableCell", "content": [{"type": "codeBlock", "content": [{"type": "text", "text": "a|b\\nc"}]}]}
                  ]}
                ]}
                """;

        assertThat(markdown(table)).isEqualTo("| a | b |  |\n| --- | --- | --- |\n| x y | `a\\|b c` |  |");
        assertThat(Markdown.toHtml(markdown(table))).contains("<th>a</th>", "<td><code>a|b c</code></td>");
    }

    @Test
    void labelsPanelsByTheirType() {
        assertThat(markdown("{\"type\":\"panel\",\"attrs\":{\"panelType\":\"info\"},\"content\":[" + paragraph(text("One"))
                + "," + paragraph(text("Two")) + "]}"))
            .isEqualTo("> **Info**\n>\n> One\n>\n> Two");
        assertThat(markdown("{\"type\":\"panel\",\"attrs\":{\"panelType\":\"custom\"},\"content\":[" + paragraph(text("x")) + "]}"))
            .isEqualTo("> **Note**\n>\n> x");
    }

    @Test
    void writesNestedExpandsWithTheirTitle() {
        assertThat(markdown("{\"type\":\"nestedExpand\",\"attrs\":{\"title\":\"More *details*\"},\"content\":["
                + paragraph(text("Hidden")) + "]}"))
            .isEqualTo("**More \\*details\\***\n\nHidden");
    }

    @Test
    void writesAtomsAsText() {
        assertThat(markdown(paragraph("{\"type\":\"mention\",\"attrs\":{\"id\":\"5b10ac8d\"}}",
                text(" "), "{\"type\":\"emoji\",\"attrs\":{\"shortName\":\":smile:\"}}",
                text(" "), "{\"type\":\"date\",\"attrs\":{\"timestamp\":1582156800000}}",
                text(" "), "{\"type\":\"status\",\"attrs\":{\"text\":\"DONE\",\"color\":\"green\"}}")))
            .isEqualTo("@5b10ac8d :smile: 2020-02-20 \\[DONE\\]");
        assertThat(markdown("{\"type\":\"blockCard\",\"attrs\":{\"url\":\"https://example.com/spec\"}}"))
            .isEqualTo("[https://example.com/spec](https://example.com/spec)");
    }

    @Test
    void notesAttachmentsWithoutTheirAddress() {
        var media = """
                {"type": "mediaGroup", "content": [
                  {"type": "media", "attrs": {"type": "external", "url": "https://cdn.example.com/secret.png"}},
                  {"type": "media", "attrs": {"type": "file", "id": "6e7c7f2c", "collection": "", "alt": "plan.pdf"}}
                ]}
                """;

        assertThat(markdown(media)).isEqualTo("(attachment) (attachment: plan.pdf)");
    }

    @Test
    void writesTaskAndDecisionLists() {
        var lists = """
                {"type": "taskList", "attrs": {"localId": "a"}, "content": [
                  {"type": "taskItem", "attrs": {"localId": "b", "state": "TODO"}, "content": [{"type": "text", "text": "Ask"}]},
                  {"type": "taskList", "attrs": {"localId": "c"}, "content": [
                    {"type": "taskItem", "attrs": {"localId": "d", "state": "DONE"}, "content": [{"type": "text", "text": "Sub"}]}
                  ]}
                ]},
                {"type": "decisionList", "attrs": {"localId": "e"}, "content": [
                  {"type": "decisionItem", "attrs": {"localId": "f", "state": "DECIDED"}, "content": [{"type": "text", "text": "Use the wallet"}]}
                ]}
                """;

        assertThat(markdown(lists)).isEqualTo("- [ ] Ask\n  - [x] Sub\n\n- **Decision:** Use the wallet");
    }

    @Test
    void writesTheTextOfNodesItDoesNotKnow() {
        var unknown = """
                {"type": "bodiedExtension", "attrs": {"extensionKey": "x"}, "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Kept"}]}]},
                {"type": "someFutureNode", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "# still"}]},
                  {"type": "paragraph", "content": [{"type": "text", "text": "text"}]}]},
                {"type": "paragraph", "content": [{"type": "text", "text": "a "}, {"type": "inlineThing", "content": [{"type": "text", "text": "*b*"}]}]}
                """;

        assertThat(markdown(unknown)).isEqualTo("Kept\n\n\\# still text\n\na \\*b\\*");
    }

    @Test
    void flattensNestingDeeperThanItsLimitWithoutOverflowingTheStack() {
        ObjectNode inner = paragraphNode("bottom");
        for (int level = 0; level < 5_000; level++) {
            var item = NODES.objectNode().put("type", "listItem");
            item.putArray("content").add(inner);
            var list = NODES.objectNode().put("type", "bulletList");
            list.putArray("content").add(item);
            inner = list;
        }
        var doc = NODES.objectNode().put("type", "doc").put("version", 1);
        doc.putArray("content").add(inner);

        var markdown = AdfMarkdown.markdown(doc);

        assertThat(markdown).startsWith("- ").endsWith("- bottom");
        assertThat(markdown.lines().count()).isLessThanOrEqualTo(AdfMarkdown.DEPTH_MAX);
    }

    @Test
    void neverThrowsOnBrokenShapes() {
        var random = new Random(20);
        for (int i = 0; i < 3_000; i++) {
            var doc = NODES.objectNode().put("type", "doc");
            doc.set("content", randomNode(random, 0));
            assertThatNoException().as(doc.toString()).isThrownBy(() -> AdfMarkdown.markdown(doc));
        }
        for (var broken : List.of("{\"type\":\"doc\",\"content\":{}}", "{\"type\":\"doc\",\"content\":[1,null,\"x\",[]]}",
                "{\"type\":3}", "{\"type\":\"doc\",\"content\":[{\"type\":\"text\",\"text\":5,\"marks\":{}}]}",
                "{\"type\":\"doc\",\"content\":[{\"type\":\"heading\",\"attrs\":[],\"content\":null}]}",
                "{\"type\":\"doc\",\"content\":[{\"type\":\"table\",\"content\":[{\"type\":\"tableRow\"}]}]}")) {
            assertThatNoException().as(broken).isThrownBy(() -> AdfMarkdown.markdown(json(broken)));
        }
    }

    private static final List<String> TYPES = List.of("paragraph", "text", "heading", "bulletList", "orderedList",
            "listItem", "codeBlock", "blockquote", "rule", "table", "tableRow", "tableHeader", "tableCell", "panel",
            "expand", "nestedExpand", "mention", "emoji", "date", "status", "inlineCard", "blockCard", "mediaSingle",
            "mediaGroup", "media", "taskList", "taskItem", "decisionList", "decisionItem", "hardBreak", "strange", "");
    private static final List<String> MARKS = List.of("strong", "em", "code", "strike", "link", "underline", "subsup",
            "textColor", "x");

    private static JsonNode randomNode(Random random, int depth) {
        return switch (random.nextInt(depth > 6 ? 4 : 9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.stringNode(randomText(random));
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.objectNode();
            case 4, 5 -> {
                var array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomNode(random, depth + 1));
                }
                yield array;
            }
            default -> {
                var node = NODES.objectNode().put("type", TYPES.get(random.nextInt(TYPES.size())));
                if (random.nextBoolean()) {
                    node.put("text", randomText(random));
                }
                if (random.nextBoolean()) {
                    var attrs = node.putObject("attrs");
                    for (var name : List.of("level", "order", "language", "panelType", "title", "text", "id",
                            "shortName", "timestamp", "url", "state", "colspan", "alt", "href", "type")) {
                        if (random.nextInt(3) == 0) {
                            attrs.set(name, random.nextBoolean() ? NODES.stringNode(randomText(random))
                                    : NODES.numberNode(random.nextLong()));
                        }
                    }
                }
                if (random.nextBoolean()) {
                    var marks = node.putArray("marks");
                    for (int i = random.nextInt(4); i > 0; i--) {
                        var mark = marks.addObject().put("type", MARKS.get(random.nextInt(MARKS.size())));
                        mark.putObject("attrs").put("href", randomText(random)).put("type", "sup");
                    }
                }
                node.set("content", randomNode(random, depth + 1));
                if (random.nextBoolean()) {
                    var content = node.putArray("content");
                    for (int i = random.nextInt(4); i > 0; i--) {
                        content.add(randomNode(random, depth + 1));
                    }
                }
                yield node;
            }
        };
    }

    private static String randomText(Random random) {
        var alphabet = "ab *_`[]<>#-+=|\\\n\r~&;!().1x:@ \u00a0\"";
        var text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static ObjectNode paragraphNode(String text) {
        var paragraph = NODES.objectNode().put("type", "paragraph");
        paragraph.putArray("content").addObject().put("type", "text").put("text", text);
        return paragraph;
    }
}
