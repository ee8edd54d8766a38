package dev.refinery.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira's wiki markup as Markdown: headings, bold, italic, monospace, strike-through, colour (its text kept), lists,
 * code and noformat inline or as blocks, links, mentions, images, quotes, panels, rules and tables. A mention is the
 * person's name and an image a link to its attachment when the export holds them ({@link References}); what it does
 * not know stays as it was; it never throws.
 */
final class JiraWiki {

    private static final Pattern HEADING = Pattern.compile("\\s*h([1-6])\\.\\s+(.*)");
    private static final Pattern LIST_ITEM = Pattern.compile("\\s*([*#]{1,10}|-)\\s+(.*)");
    private static final Pattern RULE = Pattern.compile("\\s*-{4,}\\s*");
    private static final Pattern BLOCK_QUOTE = Pattern.compile("\\s*bq\\.\\s+(.*)");
    private static final Pattern CODE = Pattern.compile("\\{(code|noformat)(?::([^}\\n]*))?\\}");
    /** A quote, or a panel of any kind: both become quoted lines, a panel's title in bold on its first. */
    private static final Pattern BOX = Pattern.compile("\\{quote\\}|\\{(?:panel|info|note|warning|tip)(?::([^}\\n]*))?\\}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9+#._-]{1,30}");
    private static final Pattern TABLE_ROW = Pattern.compile("\\s*\\|.*\\|\\s*");

    /** Monospace, inline code, links, mentions and images: their content is not markup. */
    private static final Pattern VERBATIM = Pattern.compile(
            "\\{\\{(?<monospace>[^}\\n]+?)\\}\\}"
                    + "|\\{(?<kind>code|noformat)(?::[^}\\n]*)?\\}(?<code>.+?)\\{\\k<kind>\\}"
                    + "|\\[(?<label>[^\\[\\]|\\n]*)\\|\\s*(?<url>https?://[^\\]\\s|]+)\\s*\\]"
                    + "|\\[\\s*(?<bare>https?://[^\\]\\s|]+)\\s*\\]"
                    + "|\\[~(?:accountid:)?(?<person>[^\\]\\s]+)\\]"
                    + "|!(?<image>https?://[^!\\s|]+|[^!\\s|][^!|\\n]*?\\.[A-Za-z0-9]{2,5})(?:\\|[^!\\n]*)?!");
    private static final String BEFORE = "(?<![^\\s(\\[{\"'>])";
    private static final String AFTER = "(?![^\\s.,;:!?)\\]}\"'<])";
    private static final Pattern BOLD = Pattern.compile(BEFORE + "\\*(?=[^\\s*])([^*\\n]*?[^\\s*])\\*" + AFTER);
    private static final Pattern ITALIC = Pattern.compile(BEFORE + "_(?=[^\\s_])([^_\\n]*?[^\\s_])_" + AFTER);
    private static final Pattern STRIKE = Pattern.compile(BEFORE + "-(?=[^\\s-])([^-\\n]*?[^\\s-])-" + AFTER);
    private static final Pattern COLOR = Pattern.compile("\\{color(?::[^}\\n]*)?\\}");

    /**
     * What the export knows of what the markup refers to: people's names by their account id or user name, and the
     * addresses of the issue's attachments by file name.
     */
    record References(Map<String, String> people, Map<String, String> attachments) {

        static final References NONE = new References(Map.of(), Map.of());

        References {
            people = Map.copyOf(people);
            attachments = Map.copyOf(attachments);
        }
    }

    private final References references;
    private final List<String> out = new ArrayList<>();
    private boolean quoted;
    private boolean panel;

    private JiraWiki(References references) {
        this.references = references;
    }

    static String toMarkdown(String wiki, References references) {
        if (wiki == null || wiki.isEmpty()) {
            return "";
        }
        return new JiraWiki(references).convert(Cell.withLineFeeds(wiki).split("\n", -1));
    }

    private String convert(String[] lines) {
        int i = 0;
        while (i < lines.length) {
            var line = lines[i];
            var code = CODE.matcher(line);
            if (code.find() && block(line, code)) {
                var before = line.substring(0, code.start());
                if (!before.isBlank()) {
                    text(before.stripTrailing());
                }
                i = codeBlock(lines, i, code);
                continue;
            }
            if (TABLE_ROW.matcher(line).matches()) {
                int end = i;
                while (end < lines.length && TABLE_ROW.matcher(lines[end]).matches()) {
                    end++;
                }
                for (var row : table(Arrays.asList(lines).subList(i, end))) {
                    add(row);
                }
                i = end;
                continue;
            }
            text(line);
            i++;
        }
        return String.join("\n", out);
    }

    /** Code that fills its line from where it opens, or goes on past it, is a block; code inside a sentence is inline. */
    private static boolean block(String line, Matcher code) {
        var close = line.indexOf("{" + code.group(1) + "}", code.end());
        return close < 0 || (line.substring(0, code.start()).isBlank()
                && line.substring(close + code.group(1).length() + 2).isBlank());
    }

    /** A line of text, split where quotes and panels open and close. */
    private void text(String line) {
        var box = BOX.matcher(line);
        int from = 0;
        boolean split = false;
        while (box.find()) {
            part(line.substring(from, box.start()), true);
            split = true;
            if (box.group().equals("{quote}")) {
                quoted = !quoted;
            }
            else if (panel && box.group(1) == null) {
                panel = false;
            }
            else {
                panel = true;
                title(box.group(1));
            }
            from = box.end();
        }
        part(line.substring(from), split);
    }

    private void part(String text, boolean skipBlank) {
        if (skipBlank && text.isBlank()) {
            return;
        }
        add(line(text));
    }

    private void title(String parameters) {
        if (parameters == null) {
            return;
        }
        for (var parameter : parameters.split("\\|")) {
            var value = parameter.strip();
            if (value.startsWith("title=") && !value.substring("title=".length()).isBlank()) {
                add("**" + inline(value.substring("title=".length()).strip()) + "**");
            }
        }
    }

    private void add(String line) {
        out.add(quoted || panel ? ("> " + line).stripTrailing() : line);
    }

    /** Copies a code or noformat block as a fenced block, its content untouched; returns the line after it. */
    private int codeBlock(String[] lines, int start, Matcher block) {
        var kind = block.group(1);
        var language = kind.equals("code") ? language(block.group(2)) : "";
        var end = "{" + kind + "}";
        var content = new ArrayList<String>();
        var after = "";
        int i = start;
        var rest = lines[start].substring(block.end());
        boolean closed = false;
        while (true) {
            int close = rest.indexOf(end);
            if (close >= 0) {
                content.add(rest.substring(0, close));
                after = rest.substring(close + end.length());
                closed = true;
                break;
            }
            content.add(rest);
            i++;
            if (i >= lines.length) {
                break;
            }
            rest = lines[i];
        }
        if (!content.isEmpty() && content.getFirst().isBlank()) {
            content.removeFirst();
        }
        if (!content.isEmpty() && content.getLast().isBlank()) {
            content.removeLast();
        }
        var fence = fence(content);
        add(fence + language);
        content.forEach(this::add);
        add(fence);
        if (closed && !after.isBlank()) {
            text(after);
        }
        return i + 1;
    }

    private static String language(String parameters) {
        if (parameters == null) {
            return "";
        }
        for (var parameter : parameters.split("\\|")) {
            var value = parameter.strip();
            if (value.startsWith("language=")) {
                value = value.substring("language=".length()).strip();
            }
            else if (value.contains("=")) {
                continue;
            }
            return LANGUAGE.matcher(value).matches() ? value : "";
        }
        return "";
    }

    /** Three backticks, or more than the content has at the start of a line. */
    private static String fence(List<String> content) {
        int longest = 2;
        for (var line : content) {
            var stripped = line.stripLeading();
            int run = 0;
            while (run < stripped.length() && stripped.charAt(run) == '`') {
                run++;
            }
            longest = Math.max(longest, run);
        }
        return "`".repeat(longest + 1);
    }

    private String line(String line) {
        var heading = HEADING.matcher(line);
        if (heading.matches()) {
            return "#".repeat(Integer.parseInt(heading.group(1))) + " " + inline(heading.group(2));
        }
        if (RULE.matcher(line).matches()) {
            return "---";
        }
        var quote = BLOCK_QUOTE.matcher(line);
        if (quote.matches()) {
            return "> " + inline(quote.group(1));
        }
        var item = LIST_ITEM.matcher(line);
        if (item.matches()) {
            var markers = item.group(1);
            var indent = new StringBuilder();
            for (int i = 0; i < markers.length() - 1; i++) {
                indent.append(markers.charAt(i) == '#' ? "   " : "  ");
            }
            var marker = markers.charAt(markers.length() - 1) == '#' ? "1. " : "- ";
            return indent + marker + inline(item.group(2));
        }
        return inline(line);
    }

    /**
     * A table as a Markdown table: its first row is the header when it is one ({@code ||h||}), else the header is
     * empty, as Markdown needs one; short rows are filled with empty cells.
     */
    private List<String> table(List<String> lines) {
        var rows = lines.stream().map(this::cells).toList();
        int width = rows.stream().mapToInt(List::size).max().orElse(1);
        var headed = lines.getFirst().strip().startsWith("||");
        var table = new ArrayList<String>();
        table.add(row(headed ? rows.getFirst() : List.of(), width));
        table.add(row(Collections.nCopies(width, "---"), width));
        rows.subList(headed ? 1 : 0, rows.size()).forEach(cells -> table.add(row(cells, width)));
        return table;
    }

    /** The cells of a row, split at the bars that are not inside a link, a macro or an image. */
    private List<String> cells(String line) {
        var row = line.strip();
        row = row.substring(row.startsWith("||") ? 2 : 1);
        row = row.substring(0, row.length() - (row.endsWith("||") && row.length() >= 2 ? 2 : row.endsWith("|") ? 1 : 0));
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        int depth = 0;
        boolean image = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '[' || c == '{') {
                depth++;
            }
            else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            else if (c == '!') {
                image = !image && row.indexOf('!', i + 1) >= 0;
            }
            else if (c == '|' && depth == 0 && !image) {
                cells.add(cell.toString());
                cell.setLength(0);
                if (i + 1 < row.length() && row.charAt(i + 1) == '|') {
                    i++;
                }
                continue;
            }
            cell.append(c);
        }
        cells.add(cell.toString());
        return cells.stream().map(text -> inline(text.strip()).replace("|", "\\|")).toList();
    }

    private static String row(List<String> cells, int width) {
        var padded = new ArrayList<>(cells);
        while (padded.size() < width) {
            padded.add("");
        }
        return "| " + String.join(" | ", padded) + " |";
    }

    private String inline(String text) {
        var out = new StringBuilder();
        var verbatim = VERBATIM.matcher(text);
        int from = 0;
        while (verbatim.find()) {
            out.append(emphasis(text.substring(from, verbatim.start())));
            if (verbatim.group("monospace") != null) {
                out.append(code(verbatim.group("monospace")));
            }
            else if (verbatim.group("code") != null) {
                out.append(code(verbatim.group("code")));
            }
            else if (verbatim.group("url") != null) {
                var label = verbatim.group("label").strip();
                var url = url(verbatim.group("url"));
                out.append(label.isEmpty() ? "<" + url + ">" : "[" + emphasis(label) + "](" + url + ")");
            }
            else if (verbatim.group("bare") != null) {
                out.append('<').append(url(verbatim.group("bare"))).append('>');
            }
            else if (verbatim.group("person") != null) {
                var person = verbatim.group("person");
                out.append('@').append(references.people().getOrDefault(person, person));
            }
            else {
                out.append(image(verbatim.group("image").strip()));
            }
            from = verbatim.end();
        }
        out.append(emphasis(text.substring(from)));
        return out.toString();
    }

    /** A link to the image's attachment, or to the image itself when it is an address; else its name as text. */
    private String image(String name) {
        if (name.startsWith("http://") || name.startsWith("https://")) {
            return "[" + name.substring(name.lastIndexOf('/') + 1) + "](" + url(name) + ")";
        }
        var url = references.attachments().get(name);
        return url == null ? "(image: " + name + ")" : "[" + name + "](" + url(url) + ")";
    }

    /** Bold first, so that the asterisks it writes are never read as italic; inside and around it, italic and strike. */
    private static String emphasis(String text) {
        var plain = COLOR.matcher(text).replaceAll("");
        var out = new StringBuilder();
        var bold = BOLD.matcher(plain);
        int from = 0;
        while (bold.find()) {
            out.append(italicAndStrike(plain.substring(from, bold.start())))
                .append("**").append(italicAndStrike(bold.group(1))).append("**");
            from = bold.end();
        }
        return out.append(italicAndStrike(plain.substring(from))).toString();
    }

    private static String italicAndStrike(String text) {
        var italic = ITALIC.matcher(text).replaceAll(match -> Matcher.quoteReplacement("*" + match.group(1) + "*"));
        return STRIKE.matcher(italic).replaceAll(match -> Matcher.quoteReplacement("~~" + match.group(1) + "~~"));
    }

    private static String code(String text) {
        return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
    }

    private static String url(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E");
    }
}
