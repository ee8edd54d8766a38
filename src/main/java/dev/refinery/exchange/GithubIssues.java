package dev.refinery.exchange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.backlog.Link;
import dev.refinery.backlog.Status;
import dev.refinery.exchange.Reading.RowError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Items from GitHub issues as the REST API lists them: a JSON array of issue objects; pull requests in it
 * are passed over. An item's external key is "github:OWNER/REPO#NUMBER" (or "github:#NUMBER" when the issue
 * does not say its repository), its row the issue's position in the array, counted from 1.
 */
final class GithubIssues {

    private static final String NOT_ISSUES = "This is not a GitHub issues export: expected a JSON array of issues.";
    private static final String REPOS = "/repos/";

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private GithubIssues() {
    }

    /** @throws IllegalArgumentException when the text is not JSON, or not an array */
    static Reading read(String text) {
        JsonNode issues;
        try {
            issues = JSON.readTree(text);
        }
        catch (JacksonException notJson) {
            throw new IllegalArgumentException(NOT_ISSUES + " It is not JSON: " + firstLine(notJson.getOriginalMessage()),
                    notJson);
        }
        if (issues == null || !issues.isArray()) {
            throw new IllegalArgumentException(NOT_ISSUES);
        }
        var items = new ArrayList<ImportedItem>();
        var errors = new ArrayList<RowError>();
        for (int i = 0; i < issues.size(); i++) {
            int row = i + 1;
            var issue = issues.get(i);
            if (issue.isObject() && present(issue.get("pull_request"))) {
                continue;
            }
            try {
                items.add(item(row, issue));
            }
            catch (Unreadable unreadable) {
                errors.add(new RowError(row, unreadable.getMessage()));
            }
        }
        return new Reading(items, errors);
    }

    private static ImportedItem item(int row, JsonNode issue) {
        if (!issue.isObject()) {
            throw new Unreadable("Entry " + row + " is not an issue: an issue is a JSON object in { }.");
        }
        var number = issue.get("number");
        if (number == null || !number.isIntegralNumber()) {
            throw new Unreadable("Entry " + row + " has no issue number.");
        }
        var name = "Issue #" + number.bigIntegerValue();
        var title = text(issue.get("title"));
        if (title == null || title.isBlank()) {
            throw new Unreadable(name + " has no title.");
        }
        var key = "github:" + repository(issue) + "#" + number.bigIntegerValue();
        if (key.length() > ImportedItem.EXTERNAL_KEY_MAX) {
            throw new Unreadable(name + ": its repository and number make a key longer than "
                    + ImportedItem.EXTERNAL_KEY_MAX + " characters.");
        }
        var patch = ItemPatch.empty().title(title.strip());
        var body = text(issue.get("body"));
        if (body != null && !body.isBlank()) {
            patch.description(Cell.withLineFeeds(body));
        }
        var labels = labels(issue.get("labels"));
        if (!labels.isEmpty()) {
            patch.labels(labels);
        }
        var state = text(issue.get("state"));
        if (state != null) {
            patch.status(state.strip().equalsIgnoreCase("closed") ? Status.DONE : Status.NEEDS_REFINEMENT);
        }
        var milestone = issue.get("milestone");
        if (milestone != null && milestone.isObject()) {
            var due = text(milestone.get("due_on"));
            if (due != null && !due.isBlank()) {
                var milestoneTitle = text(milestone.get("title"));
                patch.deadline(date(name, due), milestoneTitle == null || milestoneTitle.isBlank()
                        ? "Milestone on GitHub" : "Milestone " + milestoneTitle.strip());
            }
        }
        var url = text(issue.get("html_url"));
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            patch.links(List.of(new Link("GitHub #" + number.bigIntegerValue(), url.strip())));
        }
        return new ImportedItem(row, key, patch);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static String repository(JsonNode issue) {
        var url = text(issue.get("repository_url"));
        if (url == null) {
            return "";
        }
        int at = url.indexOf(REPOS);
        if (at < 0) {
            return "";
        }
        var repository = url.substring(at + REPOS.length()).strip();
        while (repository.endsWith("/")) {
            repository = repository.substring(0, repository.length() - 1);
        }
        return repository;
    }

    private static List<String> labels(JsonNode labels) {
        if (labels == null || !labels.isArray()) {
            return List.of();
        }
        var names = new ArrayList<String>();
        for (int i = 0; i < labels.size(); i++) {
            var label = labels.get(i);
            var name = label.isObject() ? text(label.get("name")) : text(label);
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return Cell.distinct(names);
    }

    private static LocalDate date(String issue, String instant) {
        try {
            return OffsetDateTime.parse(instant.strip()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        }
        catch (DateTimeException notAnInstant) {
            throw new Unreadable(issue + ": the milestone's due date " + new Cell("", instant).quoted()
                    + " is not a time like 2026-12-31T08:00:00Z.");
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "it cannot be read.";
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
