package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A change to some fields of an item, by their API names: what a PATCH body, a section form or a new item
 * carries. Fields not named keep their value; {@code importance} and {@code customFields} merge, where
 * null removes an entry (JSON merge patch).
 */
public final class ItemPatch {

    /** Fields the API shows but never takes from a client. */
    private static final Set<String> READ_ONLY = Set.of("key", "readiness", "risks", "version");

    private final Map<String, Object> values = new LinkedHashMap<>();

    public static ItemPatch empty() {
        return new ItemPatch();
    }

    public ItemPatch title(String title) {
        return with("title", title);
    }

    public ItemPatch description(String description) {
        return with("description", description);
    }

    public ItemPatch technicalNotes(String notes) {
        return with("technicalNotes", notes);
    }

    public ItemPatch links(List<Link> links) {
        return with("links", links);
    }

    public ItemPatch acceptanceCriteria(List<Criterion> criteria) {
        return with("acceptanceCriteria", criteria);
    }

    public ItemPatch estimate(Estimate estimate) {
        return with("estimate", estimate);
    }

    public ItemPatch importance(Map<String, BigDecimal> importance) {
        return with("importance", importance);
    }

    public ItemPatch deadline(LocalDate deadline, String reason) {
        return with("deadline", deadline).with("deadlineReason", reason);
    }

    public ItemPatch workstream(String workstream) {
        return with("workstream", workstream);
    }

    public ItemPatch labels(List<String> labels) {
        return with("labels", labels);
    }

    public ItemPatch status(Status status) {
        return with("status", status);
    }

    public ItemPatch followUpOf(ItemKey key) {
        return with("followUpOf", key);
    }

    public ItemPatch splitFrom(ItemKey key) {
        return with("splitFrom", key);
    }

    public ItemPatch customFields(Map<String, String> values) {
        return with("customFields", values);
    }

    /** The effort the item really took, in half days; null forgets it. */
    public ItemPatch actual(Integer halves) {
        return with("actual", halves);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    private ItemPatch with(String field, Object value) {
        values.put(field, value);
        return this;
    }

    ItemContent applyTo(ItemContent item) {
        return new ItemContent(
                value("title", item.title()),
                value("description", item.description()),
                value("technicalNotes", item.technicalNotes()),
                value("links", item.links()),
                value("acceptanceCriteria", item.acceptanceCriteria()),
                value("estimate", item.estimate()),
                merged("importance", item.importance()),
                value("deadline", item.deadline()),
                value("deadlineReason", item.deadlineReason()),
                value("workstream", item.workstream()),
                value("labels", item.labels()),
                value("status", item.status()),
                value("followUpOf", item.followUpOf()),
                value("splitFrom", item.splitFrom()),
                merged("customFields", item.customFields()),
                value("actual", item.actualHalves()));
    }

    @SuppressWarnings("unchecked")
    private <T> T value(String field, T current) {
        return values.containsKey(field) ? (T) values.get(field) : current;
    }

    @SuppressWarnings("unchecked")
    private <V> Map<String, V> merged(String field, Map<String, V> current) {
        if (!values.containsKey(field)) {
            return current;
        }
        var merged = new LinkedHashMap<>(current);
        var change = (Map<String, V>) values.get(field);
        if (change == null) {
            return Map.of();
        }
        change.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            }
            else {
                merged.put(name, value);
            }
        });
        return merged;
    }

    /** A patch read from JSON, and what could not be read, by field. */
    public record Parsed(ItemPatch patch, Map<String, String> problems) {
    }

    /** Reads the fields of a JSON object; a value of the wrong type is a problem of its field, never a 500. */
    public static Parsed fromJson(JsonNode body) {
        var patch = new ItemPatch();
        var problems = new LinkedHashMap<String, String>();
        if (body == null || !body.isObject()) {
            problems.put("body", "Send a JSON object with the fields to change.");
            return new Parsed(patch, problems);
        }
        for (var property : body.properties()) {
            var field = property.getKey();
            var node = property.getValue();
            try {
                switch (field) {
                    case "title", "description", "technicalNotes", "deadlineReason" -> patch.with(field, text(node, field));
                    case "workstream" -> patch.workstream(text(node, field));
                    case "links" -> patch.links(list(node, field, (element, index) -> new Link(
                            text(element.get("label"), field + "[" + index + "].label"),
                            text(element.get("url"), field + "[" + index + "].url"))));
                    case "acceptanceCriteria" -> patch.acceptanceCriteria(list(node, field, (element, index) -> new Criterion(
                            text(element.get("text"), field + "[" + index + "].text"),
                            element.get("done") != null && element.get("done").isBoolean() && element.get("done").booleanValue())));
                    case "estimate" -> patch.estimate(estimate(node));
                    case "importance" -> patch.importance(object(node, field, (value, name) -> number(value, field + "." + name)));
                    case "deadline" -> patch.with(field, date(node, field));
                    case "labels" -> patch.labels(list(node, field, (element, index) -> text(element, field)));
                    case "status" -> patch.status(node == null || node.isNull() ? null : Status.of(node.asString())
                        .orElseThrow(() -> new Unreadable(field, "One of draft, needs-refinement, ready, planned, done, removed.")));
                    case "followUpOf", "splitFrom" -> patch.with(field, key(node, field));
                    case "actual" -> patch.actual(actual(node));
                    case "customFields" -> patch.customFields(object(node, field, (value, name) -> value.isNull() ? null
                            : value.isString() ? value.stringValue() : value.toString()));
                    default -> {
                        if (!READ_ONLY.contains(field)) {
                            problems.put(field, "There is no field " + field + " on a backlog item.");
                        }
                    }
                }
            }
            catch (Unreadable unreadable) {
                problems.putIfAbsent(unreadable.field, unreadable.getMessage());
            }
        }
        return new Parsed(patch, problems);
    }

    private static final class Unreadable extends RuntimeException {

        private final String field;

        Unreadable(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private interface Element<T> {
        T read(JsonNode node, int index);
    }

    private interface Entry<T> {
        T read(JsonNode node, String name);
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new Unreadable(field, "Text, in quotes.");
        }
        return node.stringValue();
    }

    private static <T> List<T> list(JsonNode node, String field, Element<T> element) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Unreadable(field, "A list, in [ ].");
        }
        var list = new ArrayList<T>();
        for (int i = 0; i < node.size(); i++) {
            var value = node.get(i);
            list.add(element.read(value, i));
        }
        return Collections.unmodifiableList(list);
    }

    private static <T> Map<String, T> object(JsonNode node, String field, Entry<T> entry) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Unreadable(field, "An object, in { }.");
        }
        var map = new LinkedHashMap<String, T>();
        for (var property : node.properties()) {
            map.put(property.getKey(), entry.read(property.getValue(), property.getKey()));
        }
        return map;
    }

    private static BigDecimal number(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new Unreadable(field, "A number.");
        }
        return node.decimalValue();
    }

    private static LocalDate date(JsonNode node, String field) {
        var text = text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException notADate) {
            throw new Unreadable(field, "A date like 2026-12-31.");
        }
    }

    private static ItemKey key(JsonNode node, String field) {
        var text = text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        return ItemKey.parse(text).orElseThrow(() -> new Unreadable(field, "An item key like PAY-17."));
    }

    private static Integer actual(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Unreadable("actual", "An object: {\"days\": 2.5}, or null to forget it.");
        }
        var days = number(node.get("days"), "actual.days");
        if (days == null) {
            throw new Unreadable("actual.days", "A number of days, like 2.5.");
        }
        return ItemRules.actualHalves(days).orElseThrow(() -> new Unreadable("actual.days", ItemRules.actualOutOfRange()));
    }

    private static Estimate estimate(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Unreadable("estimate", "An object: {\"value\": 3, \"unit\": \"points\"} or {\"outcome\": \"unknown\"}.");
        }
        var outcome = node.get("outcome");
        if (outcome != null && !outcome.isNull()) {
            return Estimate.Outcome.of(outcome.asString())
                .map(Estimate::of)
                .orElseThrow(() -> new Unreadable("estimate.outcome", "unknown or too-big-split."));
        }
        var value = number(node.get("value"), "estimate.value");
        var unit = Estimate.Unit.of(node.get("unit") == null ? "" : node.get("unit").asString())
            .orElseThrow(() -> new Unreadable("estimate.unit", "points or days."));
        if (value == null) {
            throw new Unreadable("estimate.value", "A number of " + unit.code() + ".");
        }
        try {
            return Estimate.of(value, unit);
        }
        catch (IllegalArgumentException outOfRange) {
            throw new Unreadable("estimate.value", "From 0 to 999, in steps of 0.5.");
        }
    }
}
