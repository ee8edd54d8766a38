package dev.refinery.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import dev.refinery.backlog.ImportedItem;
import tools.jackson.databind.JsonNode;

/**
 * Issues of Jira Cloud's REST v3 search, read as the Jira CSV import reads an export of the same issues: they are laid
 * out in the export's columns (Summary, Issue key, Status Category, Labels, Component/s, Parent key, ...) and read by
 * {@link JiraCsvItems}, so that both give the same external keys ({@code jira:PAY-17}), statuses, labels, workstreams
 * and estimates. Only the description differs in its source: Atlassian Document Format, turned into Markdown.
 */
final class JiraIssues {

    private JiraIssues() {
    }

    /** The fields to ask Jira for, with the one that holds story points. */
    static String fields(String pointsField) {
        return String.join(",", List.of("summary", "description", "status", "issuetype", "labels", "components",
                "parent", "priority", "duedate", pointsField));
    }

    static Reading read(List<JsonNode> issues, String pointsField, ImportChoices choices) {
        var labelsWide = 0;
        var componentsWide = 0;
        for (var issue : issues) {
            labelsWide = Math.max(labelsWide, issue.path("fields").path("labels").size());
            componentsWide = Math.max(componentsWide, issue.path("fields").path("components").size());
        }
        var headers = new ArrayList<>(List.of("Summary", "Issue key", "Issue id", "Issue Type", "Status", "Status Category",
                "Priority", "Due date", "Custom field (Story Points)", "Parent key", "Parent summary"));
        for (int i = 0; i < labelsWide; i++) {
            headers.add("Labels");
        }
        for (int i = 0; i < componentsWide; i++) {
            headers.add("Component/s");
        }
        var rows = new ArrayList<CsvTable.Row>();
        var descriptions = new HashMap<String, String>();
        var number = 2;
        for (var issue : issues) {
            var fields = issue.path("fields");
            var key = text(issue.path("key"));
            var values = new ArrayList<>(List.of(text(fields.path("summary")), key, text(issue.path("id")),
                    text(fields.path("issuetype").path("name")), text(fields.path("status").path("name")),
                    category(fields.path("status").path("statusCategory").path("key")), text(fields.path("priority").path("name")),
                    text(fields.path("duedate")), points(fields.path(pointsField)), text(fields.path("parent").path("key")),
                    text(fields.path("parent").path("fields").path("summary"))));
            var labels = fields.path("labels");
            for (int i = 0; i < labelsWide; i++) {
                values.add(i < labels.size() ? text(labels.get(i)) : "");
            }
            var components = fields.path("components");
            for (int i = 0; i < componentsWide; i++) {
                values.add(i < components.size() ? text(components.get(i).path("name")) : "");
            }
            rows.add(new CsvTable.Row(number++, values));
            var description = fields.path("description");
            if (description.isObject()) {
                descriptions.put(JiraCsvItems.KEY_PREFIX + key.strip(), AdfMarkdown.markdown(description));
            }
        }
        var reading = JiraCsvItems.read(new CsvTable(headers, rows, List.of()), choices);
        var items = new ArrayList<ImportedItem>();
        for (var item : reading.items()) {
            var description = descriptions.get(item.externalKey());
            if (description != null && !description.isBlank()) {
                item.patch().description(description);
            }
            items.add(item);
        }
        return new Reading(items, reading.errors(), reading.workstreams(), reading.notes());
    }

    /** Jira's category keys as the export names them: new is To Do, indeterminate In Progress. */
    private static String category(JsonNode key) {
        return switch (text(key)) {
            case "new" -> "To Do";
            case "indeterminate" -> "In Progress";
            case "done" -> "Done";
            default -> "";
        };
    }

    private static String points(JsonNode value) {
        return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : text(value);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainer() ? "" : node.asString();
    }
}
