package dev.refinery.exchange;

import java.time.Instant;

/** GitHub's rate limit is spent until {@link #retryAt()}; the caller decides whether to wait. */
public final class GitHubRateLimited extends GitHubFailure {

    private final Instant retryAt;

    public GitHubRateLimited(Instant retryAt) {
        super("GitHub's rate limit for this token is spent; GitHub accepts requests again from " + retryAt + ".");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
