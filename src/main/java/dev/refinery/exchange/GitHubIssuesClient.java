package dev.refinery.exchange;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** GitHub's issues of one repository read, and their estimate label replaced, through GitHub's REST API. */
public final class GitHubIssuesClient {

    private final URI apiBase;
    private final String token;
    private final Clock clock;

    public GitHubIssuesClient(URI apiBase, String token, Clock clock) {
        this.apiBase = apiBase;
        this.token = token;
        this.clock = clock;
    }

    /**
     * Every issue of the repository, open or closed, with the label when one is given, over all pages.
     *
     * @throws GitHubFailure when GitHub refuses, and {@link GitHubRateLimited} when its rate limit is spent
     */
    public List<GitHubIssue> issues(String owner, String repo, String labelFilter) {
        return List.of();
    }

    /**
     * Takes every label starting with "estimate:" off the issue and puts the new one on.
     *
     * @throws GitHubFailure as {@link #issues} does
     */
    public void replaceEstimateLabel(String owner, String repo, int number, String newLabel) {
    }
}
