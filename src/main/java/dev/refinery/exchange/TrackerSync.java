package dev.refinery.exchange;

import java.time.Instant;

/**
 * A team's sync with its tracker as anyone may read it: where it pulls from and what, and only the last four
 * characters of the token ({@code tokenEnds}), never the token. Jira ({@code kind} "jira") has a site, an account
 * email, a JQL filter and a story points field; GitHub ("github") has its API address as {@code siteUrl}, a
 * {@code repository} ("owner/repo") and an optional {@code labelFilter}.
 */
public record TrackerSync(String kind, String siteUrl, String accountEmail, String tokenEnds, String jql,
        String pointsField, String repository, String labelFilter, Instant createdAt, int version) {

    /** The tracker's name, as the pages say it. */
    public String trackerName() {
        return TrackerSyncs.trackerName(kind);
    }
}
