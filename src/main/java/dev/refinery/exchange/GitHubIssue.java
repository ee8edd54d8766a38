package dev.refinery.exchange;

import java.time.Instant;
import java.util.List;

/**
 * An issue as GitHub's REST API lists it, never a pull request; its body may be null, and its time of last change
 * when GitHub did not give a readable one.
 */
public record GitHubIssue(int number, String title, String body, String state, List<String> labels, String htmlUrl,
        Instant updatedAt) {

    public GitHubIssue {
        labels = List.copyOf(labels);
    }
}
