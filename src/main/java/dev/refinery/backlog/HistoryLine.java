package dev.refinery.backlog;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A change as the item page shows it: "Estimate 3 pt -> 5 pt, Ana, 2 min ago". */
public record HistoryLine(String field, String before, String after, String author, String when, Instant at) {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("created", "Created"), Map.entry("title", "Title"), Map.entry("description", "Description"),
            Map.entry("technicalNotes", "Technical notes"), Map.entry("links", "Links"),
            Map.entry("acceptanceCriteria", "Acceptance criteria"), Map.entry("estimate", "Estimate"),
            Map.entry("importance", "Importance"), Map.entry("deadline", "Deadline"),
            Map.entry("deadlineReason", "Deadline reason"), Map.entry("workstream", "Workstream"),
            Map.entry("labels", "Labels"), Map.entry("status", "Status"), Map.entry("followUpOf", "Follow-up of"),
            Map.entry("splitFrom", "Split from"), Map.entry("risk", "Risk"),
            Map.entry("imported", "Imported from"), Map.entry("restored", "Restored"));

    static HistoryLine of(HistoryEntry entry, Instant now) {
        return new HistoryLine(fieldLabel(entry.field()), shortened(entry.before()), shortened(entry.after()),
                entry.author(), ago(Duration.between(entry.at(), now)), entry.at());
    }

    static String fieldLabel(String field) {
        return field.startsWith("customFields.") ? field.substring("customFields.".length())
                : LABELS.getOrDefault(field, field);
    }

    private static String shortened(String value) {
        if (value == null) {
            return "(empty)";
        }
        var oneLine = value.replace('\n', ' ');
        return oneLine.length() > 80 ? oneLine.substring(0, 79) + "…" : oneLine;
    }

    static String ago(Duration elapsed) {
        var seconds = Math.max(0, elapsed.toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86_400 + " d ago";
    }
}
