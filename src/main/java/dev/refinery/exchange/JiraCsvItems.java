package dev.refinery.exchange;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.backlog.Status;
import dev.refinery.backlog.Workstream;

/**
 * Items from Jira's "Export CSV (all fields)", comma or semicolon separated. An item's external key is the
 * issue key with "jira:" before it ("jira:PAY-17"), so that it never meets a key from another tool. The
 * description and acceptance criteria are turned from Jira's wiki markup into Markdown; the priority
 * becomes a label ("priority-high"); the epic link, or else the parent, names the workstream.
 */
final class JiraCsvItems {

    static final String KEY_PREFIX = "jira:";

    private static final List<String> POINTS = List.of(
            "Custom field (Story Points)", "Story Points", "Custom field (Story point estimate)");
    private static final List<String> WORKSTREAM = List.of("Custom field (Epic Link)", "Parent summary", "Parent");
    private static final List<DateTimeFormatter> DUE_DATES = List.of(
            Cell.pattern("d/MMM/uu h:mm a"), Cell.pattern("d/MMM/uu"), Cell.pattern("d/MMM/uuuu h:mm a"),
            Cell.pattern("d/MMM/uuuu"), Cell.pattern("uuuu-MM-dd"), Cell.pattern("uuuu-MM-dd HH:mm"),
            Cell.pattern("uuuu-MM-dd HH:mm:ss"));
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*#]+|\\d+\\.)\\s+");

    private JiraCsvItems() {
    }

    /**
     * @throws IllegalArgumentException when the file has no Summary or no Issue key column, or its first line
     *         cannot be read
     */
    static Reading read(String text) {
        var table = CsvTable.read(text);
        var columns = new Columns(table);
        return table.items(row -> item(table, row, columns));
    }

    /** Where the columns a Jira export may have are in this file. */
    private record Columns(int summary, int key, List<Integer> description, List<Integer> points,
            List<Integer> labels, List<Integer> due, List<Integer> priority, List<Integer> status,
            List<List<Integer>> workstream, List<Integer> criteria) {

        Columns(CsvTable table) {
            this(required(table, "Summary"), required(table, "Issue key"), table.columns("Description"),
                    POINTS.stream().flatMap(name -> table.columns(name).stream()).toList(),
                    table.columns("Labels"), table.columns("Due date"), table.columns("Priority"),
                    table.columns("Status"), WORKSTREAM.stream().map(table::columns).toList(),
                    table.columns("Custom field (Acceptance Criteria)"));
        }

        private static int required(CsvTable table, String name) {
            var columns = table.columns(name);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("This is not a Jira CSV export: it has no " + name + " column.");
            }
            return columns.getFirst();
        }
    }

    private static ImportedItem item(CsvTable table, CsvTable.Row row, Columns columns) {
        var patch = ItemPatch.empty().title(row.cell(table, columns.summary()).title());
        var key = KEY_PREFIX + row.cell(table, columns.key()).key(ImportedItem.EXTERNAL_KEY_MAX - KEY_PREFIX.length());
        first(table, row, columns.description()).ifPresent(cell -> patch.description(JiraWiki.toMarkdown(cell.text())));
        first(table, row, columns.points()).ifPresent(cell -> patch.estimate(cell.points()));
        first(table, row, columns.due()).ifPresent(cell -> patch.deadline(cell.date(DUE_DATES, "27/Nov/26"), "Due date in Jira"));
        first(table, row, columns.status())
            .ifPresent(cell -> patch.status(cell.status().orElse(Status.NEEDS_REFINEMENT)));
        columns.workstream().stream().flatMap(names -> first(table, row, names).stream()).findFirst()
            .ifPresent(cell -> patch.workstream(shortened(cell.stripped())));
        var labels = new ArrayList<String>();
        for (var column : columns.labels()) {
            var cell = row.cell(table, column);
            if (!cell.blank()) {
                labels.add(cell.stripped());
            }
        }
        first(table, row, columns.priority()).ifPresent(cell -> labels.add("priority-"
                + cell.stripped().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-")));
        if (!labels.isEmpty()) {
            patch.labels(Cell.distinct(labels));
        }
        first(table, row, columns.criteria()).map(cell -> criteria(cell.text())).filter(criteria -> !criteria.isEmpty())
            .ifPresent(patch::acceptanceCriteria);
        return new ImportedItem(row.number(), key, patch);
    }

    /** The first non-blank value among these columns. */
    private static Optional<Cell> first(CsvTable table, CsvTable.Row row, List<Integer> columns) {
        return columns.stream().map(column -> row.cell(table, column)).filter(cell -> !cell.blank()).findFirst();
    }

    private static String shortened(String name) {
        return name.length() > Workstream.NAME_MAX ? name.substring(0, Workstream.NAME_MAX).strip() : name;
    }

    private static List<Criterion> criteria(String wiki) {
        return JiraWiki.toMarkdown(wiki).lines()
            .map(line -> BULLET.matcher(line).replaceFirst(""))
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("```"))
            .map(line -> new Criterion(line, false))
            .toList();
    }
}
