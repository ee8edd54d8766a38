package dev.refinery.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira's wiki markup as Markdown: headings, bold, italic, monospace, strike-through, lists, code and
 * noformat blocks, links, quotes, rules and simple tables. What it does not know stays as it was; it never
 * throws.
 */
final class JiraWiki {

    private static final Pattern HEADING = Pattern.compile("\\s*h([1-6])\\.\\s+(.*)");
    private static final Pattern LIST_ITEM = Pattern.compile("\\s*([*#]{1,10}|-)\\s+(.*)");
    private static final Pattern RULE = Pattern.compile("\\s*-{4,}\\s*");
    private static final Pattern BLOCK_QUOTE = Pattern.compile("\\s*bq\\.\\s+(.*)");
    private static final Pattern BLOCK_START = Pattern.compile("\\s*\\{(code|noformat)(?::([^}\\n]*))?\\}(.*)");
    private static final Pattern QUOTE = Pattern.compile("\\{quote\\}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9+#._-]{1,30}");
    private static final Pattern TABLE_ROW = Pattern.compile("\\s*\\|.*\\|\\s*");

    /** Monospace, links and mentions: their content is not markup. */
    private static final Pattern VERBATIM = Pattern.compile(
            "\\{\\{([^}\\n]+?)\\}\\}"
                    + "|\\[([^\\[\\]|\\n]*)\\|\\s*(https?://[^\\]\\s|]+)\\s*\\]"
                    + "|\\[\\s*(https?://[^\\]\\s|]+)\\s*\\]"
                    + "|\\[~([^\\]\\s]+)\\]");
    private static final String BEFORE = "(?<![^\\s(\\[{\"'>])";
    private static final String AFTER = "(?![^\\s.,;:!?)\\]}\"'<])";
    private static final Pattern BOLD = Pattern.compile(BEFORE + "\\*(?=[^\\s*])([^*\\n]*?[^\\s*])\\*" + AFTER);
    private static final Pattern ITALIC = Pattern.compile(BEFORE + "_(?=[^\\s_])([^_\\n]*?[^\\s_])_" + AFTER);
    private static final Pattern STRIKE = Pattern.compile(BEFORE + "-(?=[^\\s-])([^-\\n]*?[^\\s-])-" + AFTER);
    private static final Pattern COLOR = Pattern.compile("\\{color(?::[^}\\n]*)?\\}");

    private JiraWiki() {
    }

    static String toMarkdown(String wiki) {
        if (wiki == null || wiki.isEmpty()) {
            return "";
        }
        var lines = Cell.withLineFeeds(wiki).split("\n", -1);
        var out = new ArrayList<String>();
        boolean quoted = false;
        int i = 0;
        while (i < lines.length) {
            var line = lines[i];
            var block = BLOCK_START.matcher(line);
            if (block.matches()) {
                i = codeBlock(lines, i, block, quoted, out);
                continue;
            }
            if (TABLE_ROW.matcher(line).matches()) {
                int end = i;
                while (end < lines.length && TABLE_ROW.matcher(lines[end]).matches()) {
                    end++;
                }
                for (var row : table(Arrays.asList(lines).subList(i, end))) {
                    out.add(quoted ? "> " + row : row);
                }
                i = end;
                continue;
            }
            var parts = QUOTE.split(line, -1);
            for (int p = 0; p < parts.length; p++) {
                if (p > 0) {
                    quoted = !quoted;
                }
                var part = parts[p];
                if (parts.length > 1 && part.isBlank()) {
                    continue;
                }
                var converted = line(part);
                out.add(quoted ? ("> " + converted).stripTrailing() : converted);
            }
            i++;
        }
        return String.join("\n", out);
    }

    /** Copies a code or noformat block as a fenced block, its content untouched; returns the line after it. */
    private static int codeBlock(String[] lines, int start, Matcher block, boolean quoted, List<String> out) {
        var kind = block.group(1);
        var language = kind.equals("code") ? language(block.group(2)) : "";
        var end = "{" + kind + "}";
        var content = new ArrayList<String>();
        var after = "";
        var first = block.group(3);
        int i = start;
        var rest = first;
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
        var prefix = quoted ? "> " : "";
        out.add(prefix + fence + language);
        content.forEach(line -> out.add(prefix + line));
        out.add(prefix + fence);
        if (closed && !after.isBlank()) {
            out.add(prefix + line(after));
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

    private static String line(String line) {
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

    /** Converts a table when every row has as many cells as the first, a header row; otherwise keeps its lines. */
    private static List<String> table(List<String> rows) {
        var header = rows.getFirst().strip();
        var kept = rows.stream().map(JiraWiki::inline).toList();
        if (!header.startsWith("||") || !header.endsWith("||") || header.length() < 4) {
            return kept;
        }
        var names = cells(header.substring(2, header.length() - 2), "\\|\\|");
        var table = new ArrayList<String>();
        table.add(row(names));
        table.add(row(names.stream().map(name -> "---").toList()));
        for (var line : rows.subList(1, rows.size())) {
            var row = line.strip();
            if (row.startsWith("||") || row.length() < 2 || row.contains("[") || row.contains("{")) {
                return kept;
            }
            var cells = cells(row.substring(1, row.length() - 1), "\\|");
            if (cells.size() != names.size()) {
                return kept;
            }
            table.add(row(cells));
        }
        if (header.contains("[") || header.contains("{")) {
            return kept;
        }
        return table;
    }

    private static List<String> cells(String inner, String separator) {
        return List.of(inner.split(separator, -1)).stream().map(String::strip).map(JiraWiki::inline).toList();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String inline(String text) {
        var out = new StringBuilder();
        var verbatim = VERBATIM.matcher(text);
        int from = 0;
        while (verbatim.find()) {
            out.append(emphasis(text.substring(from, verbatim.start())));
            if (verbatim.group(1) != null) {
                out.append(code(verbatim.group(1)));
            }
            else if (verbatim.group(3) != null) {
                var label = verbatim.group(2).strip();
                var url = url(verbatim.group(3));
                out.append(label.isEmpty() ? "<" + url + ">" : "[" + emphasis(label) + "](" + url + ")");
            }
            else if (verbatim.group(4) != null) {
                out.append('<').append(url(verbatim.group(4))).append('>');
            }
            else {
                out.append('@').append(verbatim.group(5));
            }
            from = verbatim.end();
        }
        out.append(emphasis(text.substring(from)));
        return out.toString();
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
