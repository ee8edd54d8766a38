package dev.refinery.exchange;

import java.util.List;

import dev.refinery.shared.FieldErrors;

/**
 * The team's sync page, for facilitators: the settings form of one tracker (kept as typed when refused, never with
 * the token), the latest pulls with the running one's progress, and the open conflicts.
 */
public record SyncPage(String team, String teamName, TrackerSync settings, SyncForm form, boolean canKeepSecrets,
        List<SyncRun> runs, List<SyncConflict> conflicts, FieldErrors errors, String notice) {

    public String base() {
        return "/teams/" + team + "/sync";
    }

    public SyncRun latest() {
        return runs.isEmpty() ? null : runs.getFirst();
    }

    /** The tracker the page talks about: the saved one, else the one the form is for. */
    public String trackerName() {
        return settings != null ? settings.trackerName() : TrackerSyncs.trackerName(form.kind());
    }

    public String value(String field) {
        var value = switch (field) {
            case "siteUrl" -> form.siteUrl();
            case "accountEmail" -> form.accountEmail();
            case "jql" -> form.jql();
            case "pointsField" -> form.pointsField();
            case "repository" -> form.repository();
            case "labelFilter" -> form.labelFilter();
            default -> null;
        };
        return value == null ? "" : value;
    }
}
