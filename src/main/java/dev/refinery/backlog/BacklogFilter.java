package dev.refinery.backlog;

import java.util.Locale;

/**
 * What the backlog list shows: by workstream, status, label, readiness ({@code ready} or {@code not-ready}),
 * and text in the title or description. Removed items show only when asked for by status.
 */
public record BacklogFilter(String workstream, String status, String label, String readiness, String text, int page) {

    public static final int PAGE_SIZE = 100;

    public BacklogFilter {
        workstream = blankToNull(workstream);
        status = blankToNull(status);
        label = blankToNull(label);
        readiness = blankToNull(readiness);
        text = blankToNull(text);
        page = Math.max(1, page);
    }

    public static BacklogFilter all() {
        return new BacklogFilter(null, null, null, null, null, 1);
    }

    boolean matches(ItemView view) {
        var content = view.content();
        if (workstream != null && !workstream.equals(content.workstream())) {
            return false;
        }
        if (status == null ? content.status() == Status.REMOVED : !status.equals(content.status().code())) {
            return false;
        }
        if (label != null && !content.labels().contains(label)) {
            return false;
        }
        if (readiness != null && view.readiness().ready() != readiness.equals("ready")) {
            return false;
        }
        if (text != null) {
            var needle = text.toLowerCase(Locale.ROOT);
            return content.title().toLowerCase(Locale.ROOT).contains(needle)
                    || content.description().toLowerCase(Locale.ROOT).contains(needle);
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
