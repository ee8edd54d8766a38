package dev.refinery.backlog;

import java.util.List;

import dev.refinery.shared.FieldErrors;

/** The backlog list with its filters, and the form that creates an item. */
public record BacklogListPage(String team, String teamName, BacklogPage page, BacklogFilter filter,
        List<Workstream> workstreams, List<String> labels, boolean canEdit, String newTitle, String newWorkstream,
        FieldErrors errors) {

    public Status[] statuses() {
        return Status.values();
    }

    /** The link to another page of the same filtered list. */
    public String pageUrl(int number) {
        var query = new StringBuilder("/teams/" + team + "/backlog?page=" + number);
        append(query, "workstream", filter.workstream());
        append(query, "status", filter.status());
        append(query, "label", filter.label());
        append(query, "readiness", filter.readiness());
        append(query, "q", filter.text());
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
