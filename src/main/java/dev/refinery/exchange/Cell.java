package dev.refinery.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.Status;

/**
 * One value of a row in another tool's file, with the name of its column, read as the field it maps to.
 * What cannot be read throws {@link Unreadable} with a message that names the column and quotes the value.
 */
record Cell(String column, String text) {

    private static final int QUOTED_MAX = 40;

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,12}(?:[.,]\\d{1,12})?");

    private static final Pattern LABEL_SEPARATORS = Pattern.compile("[,;]");

    private static final List<DateTimeFormatter> DATES = List.of(
            pattern("uuuu-MM-dd"), pattern("d/M/uuuu"), pattern("d.M.uuuu"));

    private static final Map<String, Status> STATUS_WORDS = Map.ofEntries(
            Map.entry("draft", Status.DRAFT),
            Map.entry("to do", Status.NEEDS_REFINEMENT),
            Map.entry("todo", Status.NEEDS_REFINEMENT),
            Map.entry("open", Status.NEEDS_REFINEMENT),
            Map.entry("reopened", Status.NEEDS_REFINEMENT),
            Map.entry("new", Status.NEEDS_REFINEMENT),
            Map.entry("backlog", Status.NEEDS_REFINEMENT),
            Map.entry("needs refinement", Status.NEEDS_REFINEMENT),
            Map.entry("ready", Status.READY),
            Map.entry("ready for development", Status.READY),
            Map.entry("selected for development", Status.PLANNED),
            Map.entry("in progress", Status.PLANNED),
            Map.entry("doing", Status.PLANNED),
            Map.entry("in review", Status.PLANNED),
            Map.entry("planned", Status.PLANNED),
            Map.entry("done", Status.DONE),
            Map.entry("closed", Status.DONE),
            Map.entry("resolved", Status.DONE),
            Map.entry("removed", Status.REMOVED),
            Map.entry("won't do", Status.REMOVED),
            Map.entry("wont do", Status.REMOVED),
            Map.entry("cancelled", Status.REMOVED),
            Map.entry("canceled", Status.REMOVED),
            Map.entry("rejected", Status.REMOVED));

    Cell {
        text = text == null ? "" : text;
    }

    boolean blank() {
        return text.isBlank();
    }

    String stripped() {
        return text.strip();
    }

    /** A number such as 3, 2.5 or 3,5 (a decimal comma, as spreadsheets in much of Europe write it). */
    BigDecimal number() {
        var value = stripped();
        if (!NUMBER.matcher(value).matches()) {
            throw new Unreadable(column + " " + quoted() + " is not a number.");
        }
        return new BigDecimal(value.replace(',', '.'));
    }

    Estimate points() {
        var value = number();
        try {
            return Estimate.of(value, Estimate.Unit.POINTS);
        }
        catch (IllegalArgumentException outOfRange) {
            throw new Unreadable(column + " " + quoted() + " is not an estimate: points go from 0 to 999 in steps of 0.5.");
        }
    }

    /** A date such as 2026-12-31, 31/12/2026 or 31.12.2026 (day first). */
    LocalDate date() {
        return date(DATES, "2026-12-31 or 31/12/2026");
    }

    LocalDate date(List<DateTimeFormatter> formats, String example) {
        var value = stripped();
        for (var format : formats) {
            try {
                return LocalDate.parse(value, format);
            }
            catch (DateTimeParseException tryTheNext) {
                // the formats are tried in turn; only when none reads the value is it a problem
            }
        }
        throw new Unreadable(column + " " + quoted() + " is not a date like " + example + ".");
    }

    /** A status by its code or label, or a word other tools use for it ("To Do", "In Progress", "Closed"). */
    Optional<Status> status() {
        var word = stripped().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (var status : Status.values()) {
            if (status.code().equals(word) || status.label().toLowerCase(Locale.ROOT).equals(word)) {
                return Optional.of(status);
            }
        }
        return Optional.ofNullable(STATUS_WORDS.get(word));
    }

    /** Labels separated by commas or semicolons, in order, without blanks. */
    List<String> labels() {
        var labels = new ArrayList<String>();
        for (var label : LABEL_SEPARATORS.split(text)) {
            if (!label.isBlank()) {
                labels.add(label.strip());
            }
        }
        return labels;
    }

    String key() {
        return key(ImportedItem.EXTERNAL_KEY_MAX);
    }

    String key(int max) {
        var key = stripped();
        if (key.isEmpty()) {
            throw new Unreadable(column + " is empty: every row needs its key.");
        }
        if (key.length() > max) {
            throw new Unreadable(column + " " + quoted() + " is longer than " + max + " characters.");
        }
        return key;
    }

    String title() {
        if (blank()) {
            throw new Unreadable(column + " is empty: every item needs a title.");
        }
        return stripped();
    }

    /** The value in quotes, shortened so that a message stays one line. */
    String quoted() {
        var value = stripped().replaceAll("\\s+", " ");
        return "\"" + (value.length() > QUOTED_MAX ? value.substring(0, QUOTED_MAX) + "…" : value) + "\"";
    }

    /** The text as Markdown keeps it: lines end in a line feed, whatever the other tool wrote. */
    static String withLineFeeds(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static List<String> distinct(List<String> labels) {
        return List.copyOf(new LinkedHashSet<>(labels));
    }

    static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
            .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }
}
