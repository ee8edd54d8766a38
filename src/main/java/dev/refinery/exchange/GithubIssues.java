package dev.refinery.exchange;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.refinery.backlog.Estimate;
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
 * Items from GitHub issues: a JSON array of issue objects as the REST API lists them ({@code state_reason},
 * {@code html_url}, {@code repository_url}) or as {@code gh issue list --json} writes them ({@code stateReason},
 * {@code OPEN}, {@code url}, {@code dueOn}); each issue is read by the fields it has, so both layouts need no
 * choice by the person. Pull requests are passed over. Labels are kept as Refinery keeps them (commas become
 * spaces, at most 40 characters cut at a word, at most 30), the milestone's title and the assignees' logins as
 * labels "milestone:v2.0" and "assignee:octocat". An item's external key is "github:OWNER/REPO#NUMBER" (or
 * "github:#NUMBER" when the issue does not say its repository), its row the issue's position in the array,
 * counted from 1.
 */
final class GithubIssues {

    private static final String NOT_ISSUES = "This is not a GitHub issues export: expected a JSON array of issues.";
    private static final String REPOS = "/repos/";
    private static final int LABELS_MAX = 30;
    /** A label the sync reads as the estimate, "estimate: 5"; one GitHub's client replaces, whatever follows the colon. */
    private static final Pattern ESTIMATE = Pattern.compile("(?i)estimate:\\s*(?:(\\d{1,6}(?:\\.\\d{1,2})?)\\s*|.*)");
    /** An issue's or pull request's page: https://github.com/OWNER/REPO/issues/7, on any GitHub host. */
    private static final Pattern PAGE = Pattern.compile("https?://[^/\\s]+/([^/\\s]+/[^/\\s]+)/(issues|pull)/\\d+/?");

    /** The fields of an issue this reader takes, in either layout, and what they become. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("number", "Key (github:OWNER/REPO#NUMBER)"), Map.entry("title", "Title"),
            Map.entry("body", "Description"), Map.entry("labels", "Labels"), Map.entry("state", "Status"),
            Map.entry("state_reason", "Status"), Map.entry("stateReason", "Status"),
            Map.entry("milestone", "Label milestone:…, its due date as the deadline"),
            Map.entry("assignees", "Labels assignee:…"), Map.entry("assignee", "Labels assignee:…"),
            Map.entry("html_url", "Link to the issue"), Map.entry("url", "Link to the issue, its repository"),
            Map.entry("repository_url", "Key (its repository)"), Map.entry("pull_request", "Pull requests are passed over"));

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private GithubIssues() {
    }

    /** @throws IllegalArgumentException when the text is not JSON, or not an array */
    static Reading read(String text, ImportChoices choices) {
        var issues = new ArrayList<JsonNode>();
        issues(text).forEach(issues::add);
        return read(issues, "", false, choices);
    }

    /**
     * Items from the issues GitHub's REST API listed to a tracker sync, read as the file's issues are, with the same
     * keys, except that a label "estimate: N" becomes the estimate in points and is not kept as a label; an issue
     * that does not say its repository has the key of {@code repository} ("acme/shop").
     */
    static Reading synced(List<JsonNode> issues, String repository, ImportChoices choices) {
        return read(issues, repository, true, choices);
    }

    private static Reading read(List<JsonNode> issues, String repository, boolean estimates, ImportChoices choices) {
        var items = new ArrayList<ImportedItem>();
        var errors = new ArrayList<RowError>();
        var crowded = new ArrayList<Integer>();
        for (int i = 0; i < issues.size(); i++) {
            int row = i + 1;
            var issue = issues.get(i);
            if (issue.isObject() && pullRequest(issue)) {
                continue;
            }
            try {
                items.add(item(row, issue, repository, estimates, choices, crowded));
            }
            catch (Unreadable unreadable) {
                errors.add(new RowError(row, unreadable.getMessage()));
            }
        }
        var notes = new ArrayList<String>();
        JiraCsvItems.note(notes, crowded, "issue had", "issues had",
                "more than " + LABELS_MAX + " labels: the last ones were left out");
        return new Reading(items, errors, List.of(), notes);
    }

    /**
     * The fields of the issues that become parts of an item, and the others the file has, in the order they first
     * appear; GitHub's states need no mapping, so there are no statuses to choose.
     *
     * @throws IllegalArgumentException as {@link #read} does
     */
    static FileLayout layout(String text, ImportChoices choices) {
        var issues = issues(text);
        var read = new LinkedHashMap<String, String>();
        var ignored = new LinkedHashSet<String>();
        for (int i = 0; i < issues.size(); i++) {
            var issue = issues.get(i);
            if (!issue.isObject()) {
                continue;
            }
            for (var name : issue.propertyNames()) {
                var field = FIELDS.get(name);
                if (field != null) {
                    read.putIfAbsent(name, name.equals("body") && choices.taskListsAsCriteria()
                            ? "Description; its task lists as acceptance criteria" : field);
                }
                else {
                    ignored.add(name);
                }
            }
        }
        return new FileLayout(read.entrySet().stream().map(use -> new FileLayout.FieldUse(use.getKey(), use.getValue()))
            .toList(), List.copyOf(ignored), List.of());
    }

    private static JsonNode issues(String text) {
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
        return issues;
    }

    private static boolean pullRequest(JsonNode issue) {
        if (present(issue.get("pull_request"))) {
            return true;
        }
        var page = page(issue);
        return page.isPresent() && page.get().group(2).equals("pull");
    }

    private static ImportedItem item(int row, JsonNode issue, String fallbackRepository, boolean estimates,
            ImportChoices choices, List<Integer> crowded) {
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
        var repository = repository(issue);
        var key = "github:" + (repository.isEmpty() ? fallbackRepository : repository) + "#" + number.bigIntegerValue();
        if (key.length() > ImportedItem.EXTERNAL_KEY_MAX) {
            throw new Unreadable(name + ": its repository and number make a key longer than "
                    + ImportedItem.EXTERNAL_KEY_MAX + " characters.");
        }
        var patch = ItemPatch.empty().title(title.strip());
        var body = text(issue.get("body"));
        if (body != null && !body.isBlank()) {
            var description = Cell.withLineFeeds(body);
            if (choices.taskListsAsCriteria()) {
                var tasks = TaskList.of(description);
                description = tasks.rest();
                if (!tasks.criteria().isEmpty()) {
                    patch.acceptanceCriteria(tasks.criteria());
                }
            }
            if (!description.isBlank()) {
                patch.description(description);
            }
        }
        var labels = names(issue.get("labels"), "name", "");
        if (estimates) {
            estimate(labels).ifPresent(points -> patch.estimate(Estimate.of(points, Estimate.Unit.POINTS)));
            labels.removeIf(label -> ESTIMATE.matcher(label).matches());
        }
        var state = text(issue.get("state"));
        if (state != null) {
            patch.status(status(state, text(field(issue, "state_reason", "stateReason"))));
        }
        var milestone = issue.get("milestone");
        if (milestone != null && milestone.isObject()) {
            var milestoneTitle = text(milestone.get("title"));
            if (milestoneTitle != null && !milestoneTitle.isBlank()) {
                labels.add("milestone:" + milestoneTitle.strip());
            }
            var due = text(field(milestone, "due_on", "dueOn"));
            if (due != null && !due.isBlank()) {
                patch.deadline(date(name, due), milestoneTitle == null || milestoneTitle.isBlank()
                        ? "Milestone on GitHub" : "Milestone " + milestoneTitle.strip());
            }
        }
        var assignees = issue.get("assignees");
        labels.addAll(names(present(assignees) ? assignees : singleton(issue.get("assignee")), "login", "assignee:"));
        var kept = Cell.distinct(labels.stream().map(JiraCsvItems::label).filter(label -> !label.isEmpty()).toList());
        if (kept.size() > LABELS_MAX) {
            crowded.add(row);
            kept = kept.subList(0, LABELS_MAX);
        }
        if (!kept.isEmpty()) {
            patch.labels(kept);
        }
        var url = text(issue.get("html_url"));
        if (url == null) {
            url = page(issue).map(Matcher::group).orElse(null);
        }
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            patch.links(List.of(new Link("GitHub #" + number.bigIntegerValue(), url.strip())));
        }
        return new ImportedItem(row, key, patch);
    }

    /** The points of the first label "estimate: N" (N a number, such as 5 or 0.5). */
    private static Optional<BigDecimal> estimate(List<String> labels) {
        for (var label : labels) {
            var matcher = ESTIMATE.matcher(label);
            if (matcher.matches() && matcher.group(1) != null) {
                return Optional.of(new BigDecimal(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The label "estimate: N" that a sync reads and writes; one with anything else after "estimate:" is replaced too. */
    static String estimateLabel(BigDecimal points) {
        return "estimate: " + points.stripTrailingZeros().toPlainString();
    }

    /**
     * Closed as completed is done, closed as not planned or as a duplicate is removed; an open issue, reopened or
     * not, needs refinement. The REST API writes "closed" and "not_planned", gh writes "CLOSED" and "NOT_PLANNED".
     */
    private static Status status(String state, String reason) {
        if (!state.strip().equalsIgnoreCase("closed")) {
            return Status.NEEDS_REFINEMENT;
        }
        var why = reason == null ? "" : reason.strip().toLowerCase(Locale.ROOT);
        return why.equals("not_planned") || why.equals("duplicate") ? Status.REMOVED : Status.DONE;
    }

    /** The field by the REST API's name, else by gh's. */
    private static JsonNode field(JsonNode object, String rest, String gh) {
        var node = object.get(rest);
        return present(node) ? node : object.get(gh);
    }

    /** The issue's page on GitHub from gh's {@code url} (the REST API's {@code url} is its API address, no page). */
    private static Optional<Matcher> page(JsonNode issue) {
        var url = text(issue.get("url"));
        if (url == null) {
            return Optional.empty();
        }
        var matcher = PAGE.matcher(url.strip());
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }

    private static JsonNode singleton(JsonNode node) {
        return present(node) ? JSON.createArrayNode().add(node) : null;
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
            return page(issue).map(page -> page.group(1)).orElse("");
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

    /** The names in an array of names or of objects with the name in {@code field}, each after the prefix. */
    private static List<String> names(JsonNode array, String field, String prefix) {
        var names = new ArrayList<String>();
        if (array == null || !array.isArray()) {
            return names;
        }
        for (int i = 0; i < array.size(); i++) {
            var element = array.get(i);
            var name = element.isObject() ? text(element.get(field)) : text(element);
            if (name != null && !name.isBlank()) {
                names.add(prefix + name.strip());
            }
        }
        return names;
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
