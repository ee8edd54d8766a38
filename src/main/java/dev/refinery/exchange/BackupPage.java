package dev.refinery.exchange;

import java.util.Map;

import dev.refinery.shared.FieldErrors;

/** The team's export and backup page: the downloads, and for facilitators the restore form with its result or problems. */
public record BackupPage(String team, String teamName, boolean facilitator, String restored, FieldErrors errors) {

    /** Each problem of a refused restore by its place in the file ({@code items[3].title}), or the file as a whole. */
    public Map<String, String> problems() {
        return errors.byField();
    }
}
