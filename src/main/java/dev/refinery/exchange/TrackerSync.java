package dev.refinery.exchange;

import java.time.Instant;

/**
 * A team's sync with its tracker as anyone may read it: where it pulls from and what, and only the last four
 * characters of the API token ({@code tokenEnds}), never the token.
 */
public record TrackerSync(String kind, String siteUrl, String accountEmail, String tokenEnds, String jql,
        String pointsField, Instant createdAt, int version) {

    /** The tracker's name, as the pages say it. */
    public String trackerName() {
        return "Jira";
    }
}
