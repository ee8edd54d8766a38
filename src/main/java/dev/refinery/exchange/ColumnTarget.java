package dev.refinery.exchange;

import java.util.ArrayList;
import java.util.List;

import dev.refinery.backlog.Template;

/** Where a CSV column can go: a section of the template, an importance input, a custom field, or nowhere. */
public record ColumnTarget(String code, String label) {

    static final String IGNORE = "ignore";

    /** The targets every team has, whatever its template: the fields of an item, and nowhere. */
    static final List<ColumnTarget> FIXED = List.of(new ColumnTarget(IGNORE, "Ignore this column"),
            new ColumnTarget("key", "Key in the other tool"), new ColumnTarget("title", "Title"),
            new ColumnTarget("description", "Description"), new ColumnTarget("technicalNotes", "Technical notes"),
            new ColumnTarget("acceptanceCriteria", "Acceptance criteria (one per line)"),
            new ColumnTarget("estimate", "Estimate (points)"), new ColumnTarget("deadline", "Deadline"),
            new ColumnTarget("labels", "Labels"), new ColumnTarget("status", "Status"),
            new ColumnTarget("workstream", "Workstream"));

    /** Every target a team's template offers, in the order the mapping page lists them. */
    static List<ColumnTarget> of(Template template) {
        var targets = new ArrayList<>(FIXED);
        template.importanceInputs().forEach(input ->
                targets.add(new ColumnTarget("importance." + input.name(), "Importance: " + input.label())));
        template.customFields().forEach(field ->
                targets.add(new ColumnTarget("custom." + field.name(), "Custom field: " + field.name())));
        return List.copyOf(targets);
    }
}
