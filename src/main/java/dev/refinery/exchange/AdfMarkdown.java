package dev.refinery.exchange;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A Jira Cloud description in the Atlassian Document Format as Markdown that Refinery's renderer shows well:
 * paragraphs, headings, marks, lists, task and decision lists, code, quotes, panels, expands, tables (GFM), rules,
 * mentions, emoji, dates, statuses and cards; an attachment becomes a note, never its address, and a node it does
 * not know becomes its text. Text is escaped so that it never turns into markup. It never throws, whatever the shape
 * of the document, and flattens what is nested deeper than {@value #DEPTH_MAX} blocks into text.
 */
public final class AdfMarkdown {

    static final int DEPTH_MAX = 24;
    private static final int COLUMNS_MAX = 64;
    private static final JsonNode BLOCK_END = MissingNode.getInstance();
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9+#._-]{1,30}");
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");
    private static final Pattern ATX = Pattern.compile("#{1,6}(?:[ \\t].*)?");
    private static final Pattern ORDERED = Pattern.compile("([0-9]{1,9})([.)])(?:[ \\t].*)?");
    private static final Pattern BREAK_OR_UNDERLINE = Pattern.compile("(?:[-+*](?:[ \\t].*)?)|=+[ \\t]*|(?:[-*_][ \\t]*){3,}");
    /** Inline nodes: in a block's place, a run of them is a paragraph. */
    private static final Set<String> INLINE = Set.of("text", "hardBreak", "mention", "emoji", "date", "status",
            "inlineCard", "mediaInline", "placeholder", "inlineExtension");

    private AdfMarkdown() {
    }

    /** The document as Markdown; "" for null, a missing node or anything that is not a {@code doc}. */
    public static String markdown(JsonNode adf) {
        if (adf == null || !adf.isObject() || !"doc".equals(type(adf))) {
            return "";
        }
        return blocks(children(adf), 0, false);
    }

    /** A rendered block, and whether it may follow a paragraph without a blank line (a list). */
    private record Block(String markdown, boolean list) {
    }

    private static String blocks(List<JsonNode> nodes, int depth, boolean tight) {
        var rendered = new ArrayList<Block>();
        var run = new ArrayList<JsonNode>();
        for (var node : nodes) {
            if (INLINE.contains(type(node))) {
                run.add(node);
                continue;
            }
            add(rendered, new Block(paragraph(run), false));
            run.clear();
            add(rendered, block(node, depth + 1));
        }
        add(rendered, new Block(paragraph(run), false));
        var out = new StringBuilder();
        for (int i = 0; i < rendered.size(); i++) {
            if (i > 0) {
                out.append(tight && rendered.get(i).list() ? "\n" : "\n\n");
            }
            out.append(rendered.get(i).markdown());
        }
        return out.toString();
    }

    private static void add(List<Block> blocks, Block block) {
        if (!block.markdown().isBlank()) {
            blocks.add(block);
        }
    }

    private static Block block(JsonNode node, int depth) {
        if (depth > DEPTH_MAX) {
            return new Block(lines(escape(plainText(node))), false);
        }
        var type = type(node);
        return switch (type) {
            case "paragraph" -> new Block(paragraph(children(node)), false);
            case "heading" -> new Block(heading(node), false);
            case "bulletList" -> new Block(list(node, depth, -1), true);
            case "orderedList" -> {
                long start = Math.clamp(number(attribute(node, "order"), 1), 0, 999_999_999);
                yield new Block(list(node, depth, start), start == 1);
            }
            case "taskList" -> new Block(checklist(node, depth), true);
            case "decisionList" -> new Block(decisions(node), true);
            case "codeBlock" -> new Block(codeBlock(node), false);
            case "blockquote" -> new Block(quote(blocks(children(node), depth, false)), false);
            case "panel" -> new Block(panel(node, depth), false);
            case "expand", "nestedExpand" -> new Block(expand(node, depth), false);
            case "rule" -> new Block("---", false);
            case "table" -> new Block(table(node, depth), false);
            case "mediaSingle", "mediaGroup" -> new Block(lines(escape(media(node))), false);
            case "media" -> new Block(lines(escape(attachment(node))), false);
            case "blockCard", "embedCard" -> new Block(card(node), false);
            case "layoutSection", "layoutColumn", "bodiedExtension", "doc", "listItem" ->
                new Block(blocks(children(node), depth, false), false);
            default -> new Block(lines(escape(plainText(node))), false);
        };
    }

    private static String heading(JsonNode node) {
        var level = (int) Math.clamp(number(attribute(node, "level"), 1), 1, 6);
        var text = inline(children(node), true).strip();
        if (text.isEmpty()) {
            return "";
        }
        if (text.endsWith("#")) {
            int run = text.length();
            while (run > 0 && text.charAt(run - 1) == '#') {
                run--;
            }
            text = text.substring(0, run) + "\\" + text.substring(run);
        }
        return "#".repeat(level) + " " + text;
    }

    private static String list(JsonNode node, int depth, long start) {
        var out = new StringBuilder();
        long number = start;
        for (var item : children(node)) {
            var marker = start < 0 ? "- " : number++ + ". ";
            var body = "listItem".equals(type(item)) ? blocks(children(item), depth + 1, true)
                    : blocks(List.of(item), depth + 1, true);
            separate(out);
            out.append(item(marker, body));
        }
        return out.toString();
    }

    private static String checklist(JsonNode node, int depth) {
        var out = new StringBuilder();
        for (var child : children(node)) {
            var type = type(child);
            separate(out);
            if ("taskItem".equals(type)) {
                var done = "DONE".equalsIgnoreCase(string(attribute(child, "state")));
                out.append(item(done ? "- [x] " : "- [ ] ", paragraph(children(child))));
            }
            else if ("taskList".equals(type) && depth < DEPTH_MAX) {
                out.append(indent(checklist(child, depth + 1), "  "));
            }
            else {
                out.append(item("- [ ] ", lines(escape(plainText(child)))));
            }
        }
        return out.toString();
    }

    private static String decisions(JsonNode node) {
        var out = new StringBuilder();
        for (var child : children(node)) {
            separate(out);
            var text = "decisionItem".equals(type(child)) ? paragraph(children(child)) : lines(escape(plainText(child)));
            out.append(item("- **Decision:** ", text));
        }
        return out.toString();
    }

    private static void separate(StringBuilder out) {
        if (!out.isEmpty()) {
            out.append('\n');
        }
    }

    /** A list item: the marker before its first line, the others indented as far as the marker is wide. */
    private static String item(String marker, String body) {
        if (body.isBlank()) {
            return marker.stripTrailing();
        }
        return marker + indent(body, " ".repeat(marker.length())).substring(marker.length());
    }

    private static String indent(String text, String prefix) {
        var out = new StringBuilder();
        for (var line : text.split("\n", -1)) {
            separate(out);
            if (!line.isEmpty()) {
                out.append(prefix).append(line);
            }
            else if (out.isEmpty()) {
                out.append(prefix);
            }
        }
        return out.toString();
    }

    private static String quote(String body) {
        if (body.isBlank()) {
            return "";
        }
        var out = new StringBuilder();
        for (var line : body.split("\n", -1)) {
            separate(out);
            out.append(line.isEmpty() ? ">" : "> " + line);
        }
        return out.toString();
    }

    private static String panel(JsonNode node, int depth) {
        var kind = string(attribute(node, "panelType"));
        var label = kind == null || kind.isBlank() || kind.equalsIgnoreCase("custom") ? "Note"
                : kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1).toLowerCase(Locale.ROOT);
        var body = blocks(children(node), depth, false);
        return quote("**" + escape(label) + "**" + (body.isBlank() ? "" : "\n\n" + body));
    }

    private static String expand(JsonNode node, int depth) {
        var title = string(attribute(node, "title"));
        var body = blocks(children(node), depth, false);
        if (title == null || title.isBlank()) {
            return body;
        }
        return "**" + escape(title.strip()) + "**" + (body.isBlank() ? "" : "\n\n" + body);
    }

    private static String codeBlock(JsonNode node) {
        var code = new StringBuilder();
        for (var child : children(node)) {
            var text = string(child.get("text"));
            if (text != null) {
                code.append(text);
            }
        }
        var text = lineFeeds(code.toString());
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isBlank()) {
            return "";
        }
        var fence = "`".repeat(Math.max(3, longestRun(text, '`') + 1));
        var language = string(attribute(node, "language"));
        var info = language != null && LANGUAGE.matcher(language).matches() ? language : "";
        return fence + info + "\n" + text + "\n" + fence;
    }

    /** A GFM table: the first row is its header, whether Jira marked it as one or not. */
    private static String table(JsonNode node, int depth) {
        var rows = new ArrayList<List<String>>();
        int width = 0;
        for (var row : children(node)) {
            var cells = new ArrayList<String>();
            var rowCells = "tableRow".equals(type(row)) ? children(row) : List.of(row);
            for (var cell : rowCells) {
                if (cells.size() >= COLUMNS_MAX) {
                    break;
                }
                cells.add(cell(cell, depth));
                long span = Math.clamp(number(attribute(cell, "colspan"), 1), 1, COLUMNS_MAX);
                for (long more = 1; more < span && cells.size() < COLUMNS_MAX; more++) {
                    cells.add("");
                }
            }
            rows.add(cells);
            width = Math.max(width, cells.size());
        }
        if (width == 0) {
            return "";
        }
        var out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            separate(out);
            out.append(row(rows.get(i), width));
            if (i == 0) {
                out.append('\n').append(row(Collections.nCopies(width, "---"), width));
            }
        }
        return out.toString();
    }

    private static String row(List<String> cells, int width) {
        var out = new StringBuilder("|");
        for (int i = 0; i < width; i++) {
            out.append(' ').append(i < cells.size() ? cells.get(i) : "").append(" |");
        }
        return out.toString();
    }

    private static String cell(JsonNode cell, int depth) {
        var content = "tableCell".equals(type(cell)) || "tableHeader".equals(type(cell)) ? children(cell) : List.of(cell);
        return flat(content, depth + 1).replace("|", "\\|");
    }

    /** Blocks on one line, as a table cell needs them: joined by spaces, code as inline code. */
    private static String flat(List<JsonNode> nodes, int depth) {
        var parts = new ArrayList<String>();
        var run = new ArrayList<JsonNode>();
        for (var node : nodes) {
            var type = type(node);
            if (INLINE.contains(type)) {
                run.add(node);
                continue;
            }
            parts.add(inline(run, true));
            run.clear();
            if (depth > DEPTH_MAX) {
                parts.add(escape(plainText(node)));
                continue;
            }
            parts.add(switch (type) {
                case "paragraph", "heading", "taskItem", "decisionItem" -> inline(children(node), true);
                case "codeBlock" -> codeSpan(plainText(node));
                case "mediaSingle", "mediaGroup" -> escape(media(node));
                case "media" -> escape(attachment(node));
                case "blockCard", "embedCard" -> card(node);
                case "rule" -> "";
                case "bulletList", "orderedList", "taskList", "decisionList", "listItem", "blockquote", "panel",
                        "expand", "nestedExpand", "layoutSection", "layoutColumn", "tableRow", "tableCell",
                        "tableHeader", "table", "bodiedExtension" ->
                    flat(children(node), depth + 1);
                default -> escape(plainText(node));
            });
        }
        parts.add(inline(run, true));
        return String.join(" ", parts.stream().map(String::strip).filter(part -> !part.isEmpty()).toList());
    }

    private static String media(JsonNode node) {
        var notes = new ArrayList<String>();
        for (var child : children(node)) {
            var type = type(child);
            if ("media".equals(type) || "mediaInline".equals(type)) {
                notes.add(attachment(child));
            }
            else if ("caption".equals(type)) {
                var caption = plainText(child);
                if (!caption.isEmpty()) {
                    notes.add(caption);
                }
            }
        }
        return notes.isEmpty() ? "(attachment)" : String.join(" ", notes);
    }

    /** A note that an attachment was there, by its name when Jira gives one; never its address. */
    private static String attachment(JsonNode media) {
        var alt = string(attribute(media, "alt"));
        return alt == null || alt.isBlank() ? "(attachment)" : "(attachment: " + alt.strip() + ")";
    }

    private static String card(JsonNode node) {
        var url = string(attribute(node, "url"));
        if (url == null) {
            var data = attribute(node, "data");
            url = data != null && data.isObject() ? string(data.get("url")) : null;
        }
        if (url == null || url.isBlank()) {
            return "";
        }
        return link(escape(url.strip()), url.strip());
    }

    private static String link(String text, String url) {
        var href = href(url);
        return href == null ? text : "[" + text + "](" + href + ")";
    }

    /** The address as a Markdown link destination, or null when it is no web or mail address. */
    private static String href(String url) {
        if (url == null) {
            return null;
        }
        var address = url.strip();
        var lower = address.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:"))) {
            return null;
        }
        var out = new StringBuilder();
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' || c == 0x7f) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String paragraph(List<JsonNode> nodes) {
        return lines(inline(nodes, false));
    }

    /** Lines of a paragraph, each stripped of its indent and escaped where it would start a block. */
    private static String lines(String text) {
        var out = new StringBuilder();
        var lines = text.strip().split("\n", -1);
        for (var line : lines) {
            separate(out);
            var stripped = line.replaceFirst("^[ \\t]+", "");
            if (ATX.matcher(stripped).matches() || stripped.startsWith(">")
                    || BREAK_OR_UNDERLINE.matcher(stripped).matches()) {
                out.append('\\').append(stripped);
                continue;
            }
            var ordered = ORDERED.matcher(stripped);
            if (ordered.matches()) {
                var digits = ordered.group(1);
                out.append(digits).append('\\').append(stripped.substring(digits.length()));
                continue;
            }
            out.append(stripped);
        }
        return out.toString();
    }

    /** A mark that Markdown writes with delimiters around the text; links innermost, so they split runs least. */
    private record Mark(int rank, String open, String close) {
    }

    /** A run of inline content: text with its marks (merged with its neighbours of the same marks), or markup. */
    private record Piece(List<Mark> marks, boolean code, boolean sup, String text, String markup, boolean lineBreak) {

        boolean sameMarks(Piece other) {
            return markup == null && other.markup == null && !lineBreak && !other.lineBreak
                    && marks.equals(other.marks) && code == other.code && sup == other.sup;
        }
    }

    private static String inline(List<JsonNode> nodes, boolean oneLine) {
        var pieces = new ArrayList<Piece>();
        for (var node : nodes) {
            switch (type(node)) {
                case "text" -> text(node, oneLine, pieces);
                case "hardBreak" -> pieces.add(oneLine ? new Piece(List.of(), false, false, " ", null, false)
                        : new Piece(List.of(), false, false, "", null, true));
                case "mention" -> {
                    var name = string(attribute(node, "text"));
                    if (name == null || name.isBlank() || name.strip().equals("@")) {
                        name = string(attribute(node, "id"));
                    }
                    name = name == null ? "" : name.strip();
                    markup(pieces, "@" + escape(name.startsWith("@") ? name.substring(1) : name));
                }
                case "emoji" -> {
                    var emoji = string(attribute(node, "text"));
                    if (emoji == null || emoji.isBlank()) {
                        emoji = string(attribute(node, "shortName"));
                    }
                    markup(pieces, emoji == null ? "" : escape(emoji.strip()));
                }
                case "date" -> markup(pieces, date(attribute(node, "timestamp")));
                case "status" -> {
                    var text = string(attribute(node, "text"));
                    markup(pieces, text == null || text.isBlank() ? "" : "\\[" + escape(text.strip()) + "\\]");
                }
                case "inlineCard" -> markup(pieces, card(node));
                case "mediaInline", "media" -> markup(pieces, escape(attachment(node)));
                case "placeholder" -> {
                }
                default -> markup(pieces, escape(plainText(node)));
            }
        }
        return write(merge(pieces));
    }

    private static void text(JsonNode node, boolean oneLine, List<Piece> pieces) {
        var text = string(node.get("text"));
        if (text == null || text.isEmpty()) {
            return;
        }
        var marks = new ArrayList<Mark>();
        boolean code = false;
        boolean sup = false;
        for (var mark : array(node.get("marks"))) {
            switch (type(mark)) {
                case "strong" -> marks.add(new Mark(0, "**", "**"));
                case "em" -> marks.add(new Mark(1, "*", "*"));
                case "strike" -> marks.add(new Mark(2, "~~", "~~"));
                case "link" -> {
                    var href = href(string(attribute(mark, "href")));
                    if (href != null) {
                        marks.add(new Mark(3, "[", "](" + href + ")"));
                    }
                }
                case "code" -> code = true;
                case "subsup" -> sup = "sup".equals(string(attribute(mark, "type")));
                default -> {
                }
            }
        }
        var distinct = marks.stream().distinct().sorted(Comparator.comparingInt(Mark::rank)).toList();
        var lines = lineFeeds(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                pieces.add(oneLine || code ? new Piece(List.of(), false, false, " ", null, false)
                        : new Piece(List.of(), false, false, "", null, true));
            }
            pieces.add(new Piece(distinct, code, sup, lines[i], null, false));
        }
    }

    private static void markup(List<Piece> pieces, String markup) {
        if (!markup.isEmpty()) {
            pieces.add(new Piece(List.of(), false, false, "", markup, false));
        }
    }

    private static List<Piece> merge(List<Piece> pieces) {
        var merged = new ArrayList<Piece>();
        for (var piece : pieces) {
            if (!merged.isEmpty() && merged.getLast().sameMarks(piece)) {
                var last = merged.removeLast();
                merged.add(new Piece(last.marks(), last.code(), last.sup(), last.text() + piece.text(), null, false));
            }
            else {
                merged.add(piece);
            }
        }
        return merged;
    }

    /**
     * The pieces with their delimiters: a mark stays open while the next piece has it too, and the spaces around a
     * piece go outside its delimiters, where Markdown needs them to see the emphasis.
     */
    private static String write(List<Piece> pieces) {
        var out = new StringBuilder();
        var open = new ArrayList<Mark>();
        var pending = "";
        for (var piece : pieces) {
            if (piece.lineBreak()) {
                close(out, open, 0);
                pending = "";
                out.append("\\\n");
                continue;
            }
            String lead = "";
            String core;
            String trail = "";
            if (piece.markup() != null) {
                core = piece.markup();
            }
            else {
                var text = piece.text();
                int start = 0;
                while (start < text.length() && blank(text.charAt(start))) {
                    start++;
                }
                int end = text.length();
                while (end > start && blank(text.charAt(end - 1))) {
                    end--;
                }
                lead = text.substring(0, start);
                trail = text.substring(end);
                var inner = text.substring(start, end);
                if (inner.isEmpty()) {
                    pending += text;
                    continue;
                }
                core = piece.code() ? codeSpan(inner) : (piece.sup() ? "^" : "") + escape(inner);
            }
            int kept = 0;
            while (kept < open.size() && piece.marks().contains(open.get(kept))) {
                kept++;
            }
            close(out, open, kept);
            out.append(pending).append(lead);
            for (var mark : piece.marks()) {
                if (!open.contains(mark)) {
                    out.append(mark.open());
                    open.add(mark);
                }
            }
            out.append(core);
            pending = trail;
        }
        close(out, open, 0);
        return out.toString();
    }

    private static void close(StringBuilder out, List<Mark> open, int kept) {
        while (open.size() > kept) {
            out.append(open.removeLast().close());
        }
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Inline code in a run of backticks longer than any inside it, on one line. */
    private static String codeSpan(String code) {
        var text = lineFeeds(code).replace('\n', ' ');
        if (text.isEmpty()) {
            return "";
        }
        var fence = "`".repeat(longestRun(text, '`') + 1);
        var pad = text.startsWith("`") || text.endsWith("`") || (text.startsWith(" ") && text.endsWith(" ")) ? " " : "";
        return fence + pad + text + pad + fence;
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * Text with the characters that would become markup escaped: always those that open code, links and HTML; stars
     * unless spaces surround them, underscores unless inside a word, tildes in pairs, ampersands that would be an
     * entity. What matters only at the start of a line is left to {@link #lines}.
     */
    static String escape(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char before = i > 0 ? text.charAt(i - 1) : 'x';
            char after = i + 1 < text.length() ? text.charAt(i + 1) : 'x';
            boolean escaped = switch (c) {
                case '\\', '`', '[', ']', '<' -> true;
                case '*' -> i == 0 || i + 1 == text.length() || !(blank(before) && blank(after));
                case '_' -> i == 0 || i + 1 == text.length()
                        || !(Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after));
                case '~' -> before == '~' || after == '~';
                case '&' -> ENTITY.matcher(text).region(i, text.length()).lookingAt();
                default -> false;
            };
            if (escaped) {
                out.append('\\');
            }
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString();
    }

    private static String date(JsonNode timestamp) {
        long millis;
        if (timestamp != null && timestamp.isIntegralNumber() && timestamp.canConvertToLong()) {
            millis = timestamp.longValue();
        }
        else {
            var text = string(timestamp);
            if (text == null) {
                return "";
            }
            try {
                millis = Long.parseLong(text.strip());
            }
            catch (NumberFormatException notANumber) {
                return "";
            }
        }
        try {
            return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).toString();
        }
        catch (DateTimeException outOfRange) {
            return "";
        }
    }

    /**
     * The text of a node and all below it, spaces between blocks, without markup; walked without recursion, so
     * that no depth of nesting can overflow the stack.
     */
    static String plainText(JsonNode root) {
        // BLOCK_END, and anything that is no node, is a space: two paragraphs must not run into one word.
        var out = new StringBuilder();
        var stack = new ArrayDeque<JsonNode>();
        stack.push(root);
        while (!stack.isEmpty()) {
            var node = stack.pop();
            if (node == null || !node.isObject()) {
                out.append(' ');
                continue;
            }
            switch (type(node)) {
                case "text" -> {
                    var text = string(node.get("text"));
                    out.append(text == null ? "" : text);
                }
                case "hardBreak" -> out.append(' ');
                case "mention" -> {
                    var name = string(attribute(node, "text"));
                    out.append(name == null || name.isBlank() ? "@" + nonNull(string(attribute(node, "id")))
                            : name.startsWith("@") ? name : "@" + name);
                }
                case "emoji" -> {
                    var emoji = string(attribute(node, "text"));
                    out.append(emoji == null || emoji.isBlank() ? nonNull(string(attribute(node, "shortName"))) : emoji);
                }
                case "status" -> {
                    var text = string(attribute(node, "text"));
                    out.append(text == null || text.isBlank() ? "" : "[" + text.strip() + "]");
                }
                case "date" -> out.append(date(attribute(node, "timestamp")));
                case "media", "mediaInline" -> out.append(' ').append(attachment(node)).append(' ');
                case "inlineCard", "blockCard", "embedCard" -> out.append(nonNull(string(attribute(node, "url"))));
                default -> {
                }
            }
            var content = node.get("content");
            if (content != null && content.isArray()) {
                stack.push(BLOCK_END);
                for (int i = content.size() - 1; i >= 0; i--) {
                    stack.push(content.get(i));
                }
            }
        }
        return out.toString().replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static String lineFeeds(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String type(JsonNode node) {
        var type = node == null ? null : node.get("type");
        return type != null && type.isString() ? type.stringValue() : "";
    }

    private static JsonNode attribute(JsonNode node, String name) {
        var attributes = node.get("attrs");
        return attributes != null && attributes.isObject() ? attributes.get(name) : null;
    }

    private static String string(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static long number(JsonNode node, long otherwise) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        var text = string(node);
        if (text != null) {
            try {
                return Long.parseLong(text.strip());
            }
            catch (NumberFormatException notANumber) {
                return otherwise;
            }
        }
        return otherwise;
    }

    private static List<JsonNode> children(JsonNode node) {
        return array(node.get("content")).stream().filter(JsonNode::isObject).toList();
    }

    private static List<JsonNode> array(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        var elements = new ArrayList<JsonNode>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(node.get(i));
        }
        return elements;
    }
}
