package dev.refinery.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an item page shows of the tracker sync: the tracker ("Jira", "GitHub") and the issue it comes from
 * ("PAY-17", "acme/shop#7"), the conflicts to resolve, and how the last push of its agreed estimate went (null when
 * none was sent).
 */
public record ItemSync(String tracker, String issue, List<SyncConflict> conflicts, Push push, Instant now) {

    public ItemSync {
        conflicts = List.copyOf(conflicts);
    }

    /** The last attempt at sending the estimate: when, whether the tracker took it, its status or error, the message's state. */
    public record Push(Instant at, boolean delivered, Integer status, String error, String state) {
    }

    /** "sent to Jira 2 min ago", "queued", or the error with what happens next. */
    public String pushLine() {
        if (push == null) {
            return null;
        }
        if (push.at() == null) {
            return "The agreed estimate is queued for " + tracker + ".";
        }
        var ago = ago(Duration.between(push.at(), now));
        if (push.delivered()) {
            return "Estimate sent to " + tracker + " " + ago + ".";
        }
        var why = push.status() != null ? tracker + " answered HTTP " + push.status() : push.error();
        return "Sending the estimate to " + tracker + " failed " + ago + " (" + why + ")"
                + (push.state().equals("failed") ? ": given up." : ": it is tried again.");
    }

    public boolean pushFailed() {
        return push != null && push.at() != null && !push.delivered();
    }

    static String ago(Duration duration) {
        var seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86400) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86400 + " days ago";
    }

    public String fieldName(String field) {
        return switch (field) {
            case "title" -> "Title";
            case "description" -> "Description";
            case "estimate" -> "Estimate (points)";
            case "status" -> "Status";
            default -> field;
        };
    }
}
