package dev.refinery.exchange;

import java.time.Instant;
import java.util.List;

/** An issue as GitHub's REST API lists it; the body may be null, pull requests are never one. */
public record GitHubIssue(int number, String title, String body, String state, List<String> labels, String htmlUrl,
        Instant updatedAt) {

    public GitHubIssue {
        labels = List.copyOf(labels);
    }
}
