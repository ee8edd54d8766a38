package dev.refinery.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.ItemPatch;

/**
 * Items from any CSV file, by a mapping of its column names to the fields of an item. Without a column
 * for the key, an item's key is "csv:" and a hash of its mapped values, so that the same file read twice
 * gives the same keys.
 */
final class CsvItems {

    private static final String IGNORE = ColumnTarget.IGNORE;
    private static final String IMPORTANCE = "importance.";
    private static final String CUSTOM = "custom.";
    private static final Set<String> FIELDS = ColumnTarget.FIXED.stream().map(ColumnTarget::code).collect(Collectors.toUnmodifiableSet());
    /** Fields that one column at most can fill; the others add up over their columns. */
    private static final Set<String> SINGLE = Set.of("key", "title", "estimate", "deadline", "status", "workstream");
    private static final int DERIVED_KEY_HEX = 32;

    private static final Map<String, String> SUGGESTIONS = Map.ofEntries(
            Map.entry("title", "title"), Map.entry("summary", "title"), Map.entry("name", "title"),
            Map.entry("description", "description"),
            Map.entry("key", "key"), Map.entry("id", "key"), Map.entry("issuekey", "key"),
            Map.entry("estimate", "estimate"), Map.entry("storypoints", "estimate"), Map.entry("points", "estimate"),
            Map.entry("labels", "labels"), Map.entry("label", "labels"), Map.entry("tags", "labels"),
            Map.entry("status", "status"),
            Map.entry("duedate", "deadline"), Map.entry("deadline", "deadline"),
            Map.entry("workstream", "workstream"), Map.entry("epic", "workstream"),
            Map.entry("acceptancecriteria", "acceptanceCriteria"),
            Map.entry("technicalnotes", "technicalNotes"));

    private CsvItems() {
    }

    /** The column names of a file and its first rows, for the page where people map the columns. */
    record Preview(List<String> headers, List<List<String>> rows) {

        Preview {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    static Preview preview(String text, int rows) {
        var table = CsvTable.read(text, Math.max(0, rows));
        return new Preview(table.headers(), table.rows().stream().map(CsvTable.Row::values).toList());
    }

    /** A mapping to start from, by the usual names of columns; the others are ignored. */
    static Map<String, String> suggest(List<String> headers) {
        var mapping = new LinkedHashMap<String, String>();
        var taken = new ArrayList<String>();
        for (var header : headers) {
            var name = header.strip();
            if (mapping.containsKey(name)) {
                continue;
            }
            var field = SUGGESTIONS.getOrDefault(name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", ""), IGNORE);
            if (SINGLE.contains(field) && taken.contains(field)) {
                field = IGNORE;
            }
            taken.add(field);
            mapping.put(name, field);
        }
        return mapping;
    }

    /**
     * Reads every row with the mapping, column name to field: key, title, description, technicalNotes,
     * acceptanceCriteria, estimate, deadline, labels, status, workstream, importance.NAME, custom.NAME or ignore.
     *
     * @throws IllegalArgumentException when the mapping has no title, names an unknown field or a column the
     *         file does not have, or when the file's first line cannot be read
     */
    static Reading read(String text, Map<String, String> mapping) {
        var table = CsvTable.read(text);
        var columns = columns(table, mapping);
        return table.items(row -> item(table, row, columns));
    }

    /** A column of the file and the field it fills. */
    private record Column(int index, String field) {
    }

    /**
     * Whether a mapping fits a file with these headers, as {@link #read} will take it.
     *
     * @throws IllegalArgumentException saying what does not fit
     */
    static void check(List<String> headers, Map<String, String> mapping) {
        columns(new CsvTable(headers, List.of(), List.of()), mapping);
    }

    private static List<Column> columns(CsvTable table, Map<String, String> mapping) {
        var columns = new ArrayList<Column>();
        var single = new LinkedHashMap<String, String>();
        mapping.forEach((header, target) -> {
            var field = target == null ? IGNORE : target.strip();
            if (!FIELDS.contains(field) && !named(field, IMPORTANCE) && !named(field, CUSTOM)) {
                throw new IllegalArgumentException("The column \"" + header + "\" maps to \"" + field
                        + "\", which is not a field of an item.");
            }
            if (field.equals(IGNORE)) {
                return;
            }
            var indexes = table.columns(header);
            if (indexes.isEmpty()) {
                throw new IllegalArgumentException("The file has no column \"" + header + "\".");
            }
            if (SINGLE.contains(field) || named(field, IMPORTANCE) || named(field, CUSTOM)) {
                var other = single.putIfAbsent(field, header);
                if (other != null || indexes.size() > 1) {
                    throw new IllegalArgumentException("Only one column can be the " + field + "; \"" + header
                            + "\" is " + (other == null ? "in the file more than once."
                                    : "mapped to it as well as \"" + other + "\"."));
                }
            }
            indexes.forEach(index -> columns.add(new Column(index, field)));
        });
        if (!single.containsKey("title")) {
            throw new IllegalArgumentException("Choose the column that holds the title: every item needs one.");
        }
        columns.sort((one, other) -> Integer.compare(one.index(), other.index()));
        return columns;
    }

    private static boolean named(String field, String prefix) {
        return field.startsWith(prefix) && !field.substring(prefix.length()).isBlank();
    }

    private static ImportedItem item(CsvTable table, CsvTable.Row row, List<Column> columns) {
        var patch = ItemPatch.empty();
        String key = null;
        var description = new ArrayList<String>();
        var notes = new ArrayList<String>();
        var criteria = new ArrayList<Criterion>();
        var labels = new ArrayList<String>();
        var importance = new LinkedHashMap<String, BigDecimal>();
        var custom = new LinkedHashMap<String, String>();
        for (var column : columns) {
            var cell = row.cell(table, column.index());
            if (column.field().equals("title")) {
                patch.title(cell.title());
            }
            else if (column.field().equals("key")) {
                key = cell.key();
            }
            else if (!cell.blank()) {
                switch (column.field()) {
                    case "description" -> description.add(Cell.withLineFeeds(cell.text()));
                    case "technicalNotes" -> notes.add(Cell.withLineFeeds(cell.text()));
                    case "acceptanceCriteria" -> cell.text().lines().filter(line -> !line.isBlank())
                        .forEach(line -> criteria.add(new Criterion(line.strip(), false)));
                    case "estimate" -> patch.estimate(cell.points());
                    case "deadline" -> patch.deadline(cell.date(), null);
                    case "labels" -> labels.addAll(cell.labels());
                    case "status" -> patch.status(cell.status().orElseThrow(() -> new Unreadable(cell.column() + " "
                            + cell.quoted() + " is not a status: use draft, needs-refinement, ready, planned, done or removed.")));
                    case "workstream" -> patch.workstream(cell.stripped());
                    default -> {
                        if (column.field().startsWith(IMPORTANCE)) {
                            importance.put(column.field().substring(IMPORTANCE.length()), cell.number());
                        }
                        else {
                            custom.put(column.field().substring(CUSTOM.length()), cell.stripped());
                        }
                    }
                }
            }
        }
        if (!description.isEmpty()) {
            patch.description(String.join("\n\n", description));
        }
        if (!notes.isEmpty()) {
            patch.technicalNotes(String.join("\n\n", notes));
        }
        if (!criteria.isEmpty()) {
            patch.acceptanceCriteria(criteria);
        }
        if (!labels.isEmpty()) {
            patch.labels(Cell.distinct(labels));
        }
        if (!importance.isEmpty()) {
            patch.importance(importance);
        }
        if (!custom.isEmpty()) {
            patch.customFields(custom);
        }
        return new ImportedItem(row.number(), key != null ? key : derivedKey(row, columns), patch);
    }

    /**
     * "csv:" and the start of a SHA-256 of the mapped values, each after its column and length, so that
     * different values never hash the same text.
     */
    private static String derivedKey(CsvTable.Row row, List<Column> columns) {
        var content = new StringBuilder();
        for (var column : columns) {
            var value = row.values().get(column.index());
            content.append(column.index()).append(':').append(value.length()).append(':').append(value).append(';');
        }
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return "csv:" + HexFormat.of().formatHex(hash).substring(0, DERIVED_KEY_HEX);
        }
        catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
