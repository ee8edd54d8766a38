package dev.refinery.exchange;

import java.util.List;

import dev.refinery.shared.FieldErrors;

/**
 * The team's sync page, for facilitators: the settings form (kept as typed when refused, never with the token), the
 * latest pulls with the running one's progress, and the open conflicts.
 */
public record SyncPage(String team, String teamName, TrackerSync settings, SyncForm form, boolean canKeepSecrets,
        List<SyncRun> runs, List<SyncConflict> conflicts, FieldErrors errors, String notice) {

    public String base() {
        return "/teams/" + team + "/sync";
    }

    public SyncRun latest() {
        return runs.isEmpty() ? null : runs.getFirst();
    }

    public String value(String field) {
        var value = switch (field) {
            case "siteUrl" -> form.siteUrl();
            case "accountEmail" -> form.accountEmail();
            case "jql" -> form.jql();
            case "pointsField" -> form.pointsField();
            default -> null;
        };
        return value == null ? "" : value;
    }
}
