package dev.refinery.exchange;

/**
 * The sync settings as a facilitator sends them: {@code kind} "jira" (the default) with {@code siteUrl},
 * {@code accountEmail}, {@code jql} and {@code pointsField}, or "github" with {@code repository} ("owner/repo"), an
 * optional {@code labelFilter} and an optional {@code siteUrl} (GitHub's API address, https://api.github.com when
 * blank). A blank {@code apiToken} keeps the one saved; {@code version} is the version read, required when changing
 * settings that exist.
 */
public record SyncForm(String kind, String siteUrl, String accountEmail, String apiToken, String jql, String pointsField,
        String repository, String labelFilter, Integer version) {

    public boolean github() {
        return TrackerSyncs.GITHUB.equals(kind);
    }
}
