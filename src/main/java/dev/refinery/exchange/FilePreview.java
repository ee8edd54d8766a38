package dev.refinery.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.ItemImports;
import dev.refinery.backlog.Status;

/**
 * What a Jira or GitHub file will give with the person's choices, before anything is saved: how many issues,
 * how many are new and how many the team has already (by their key), the rows that would stop the import, how
 * its columns are read, its first items as they will look, and where its statuses without a category go.
 */
public record FilePreview(int issues, int added, int alreadyThere, int problemCount, List<Reading.RowError> problems,
        FileLayout layout, List<Row> rows, ImportChoices choices, List<String> notes) {

    static final int ROWS = 5;
    static final int PROBLEMS = 10;
    private static final int DESCRIPTION_SHOWN = 300;

    public FilePreview {
        problems = List.copyOf(problems);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** An item as the import will create it, shortened where it is long. */
    public record Row(String key, String title, String status, String estimate, String workstream, List<String> labels,
            String description, List<Criterion> criteria, String partOf) {
    }

    static FilePreview of(Reading reading, ItemImports.Check check, FileLayout layout, ImportChoices choices) {
        var problems = new ArrayList<>(reading.errors());
        check.problems().forEach(problem -> problems.add(new Reading.RowError(problem.row(), problem.reason())));
        problems.sort(Comparator.comparingInt(Reading.RowError::row));
        var rows = reading.items().stream().limit(ROWS).map(FilePreview::row).toList();
        return new FilePreview(reading.items().size() + reading.errors().size(), check.added(), check.alreadyThere(),
                problems.size(), problems.subList(0, Math.min(PROBLEMS, problems.size())), layout, rows, choices,
                reading.notes());
    }

    /** Where a status of the file goes: as the person (or the team before) chose, else by its words. */
    public Status status(FileLayout.StatusName name) {
        return choices.statuses().getOrDefault(name.name(), name.byWords());
    }

    private static Row row(ImportedItem item) {
        var content = item.content();
        var description = content.description() == null ? "" : content.description();
        return new Row(item.externalKey(), content.title(), content.status() == null ? "" : content.status().label(),
                content.estimate() == null ? "" : content.estimate().toString(),
                content.workstream() == null ? "" : content.workstream(), content.labels(),
                description.length() > DESCRIPTION_SHOWN ? description.substring(0, DESCRIPTION_SHOWN - 1) + "…" : description,
                content.acceptanceCriteria(), item.partOf() == null ? "" : item.partOf());
    }
}
