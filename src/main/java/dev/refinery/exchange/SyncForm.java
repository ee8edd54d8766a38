package dev.refinery.exchange;

/**
 * The sync settings as a facilitator sends them. A blank {@code apiToken} keeps the one saved; {@code version} is the
 * version read, required when changing settings that exist.
 */
public record SyncForm(String kind, String siteUrl, String accountEmail, String apiToken, String jql, String pointsField,
        Integer version) {
}
