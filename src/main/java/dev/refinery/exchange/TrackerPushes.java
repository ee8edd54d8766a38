package dev.refinery.exchange;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * What writes an agreed estimate back to the tracker, for the outbox's worker, the token opened only now and the
 * tracker's address checked again as the sync checks it. Jira: the request {@code PUT {site}/rest/api/3/issue/{KEY}}
 * with {@code {"fields": {"<story points field>": points}}} and Basic auth. GitHub: its labels starting with
 * "estimate:" taken off the issue and "estimate: N" put on, several requests that {@link #label} makes itself.
 */
@Component
class TrackerPushes {

    private final SyncRepository syncs;
    private final SecretBox box;
    private final SyncAddresses addresses;
    private final JsonMapper json;
    private final Clock clock;

    TrackerPushes(SyncRepository syncs, SecretBox box, SyncAddresses addresses, JsonMapper json, Clock clock) {
        this.syncs = syncs;
        this.box = box;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    /** A push to Jira, one request that {@link #request} gives. */
    static boolean isPush(String eventType) {
        return TrackerSyncs.PUSH_EVENT.equals(eventType);
    }

    /** A push to GitHub, its label replaced by {@link #label}. */
    static boolean isLabel(String eventType) {
        return TrackerSyncs.GITHUB_PUSH_EVENT.equals(eventType);
    }

    /**
     * Replaces the issue's estimate label; tells what it did, for the delivery log.
     *
     * @throws GitHubFailure when GitHub refuses or cannot be reached, or its rate limit is spent
     * @throws IllegalStateException when the sync was removed or its token cannot be opened
     * @throws dev.refinery.shared.Rejected when GitHub's address is refused
     */
    String label(long channel, String payload) {
        var settings = syncs.settingsOfChannel(channel).filter(SyncRepository.Settings::github)
            .orElseThrow(() -> new IllegalStateException("The team no longer syncs with GitHub."));
        var message = json.readTree(payload);
        var issue = message.path("issue").asString();
        var label = message.path("label").asString();
        var hash = issue.lastIndexOf('#');
        var slash = issue.indexOf('/');
        if (hash < 0 || slash < 0 || slash > hash) {
            throw new IllegalStateException("The issue " + issue + " is not owner/repo#number.");
        }
        var number = Integer.parseInt(issue.substring(hash + 1));
        TrackerSyncs.gitHubClient(addresses, box, settings, clock)
            .replaceEstimateLabel(issue.substring(0, slash), issue.substring(slash + 1, hash), number, label);
        return "Label \"" + label + "\" is on " + issue + ".";
    }

    /**
     * @throws IllegalStateException when the sync was removed or its token cannot be opened
     * @throws dev.refinery.shared.Rejected when the site's address is refused
     */
    HttpRequest request(long channel, String payload) {
        var settings = syncs.settingsOfChannel(channel)
            .orElseThrow(() -> new IllegalStateException("The team no longer syncs with Jira."));
        var message = json.readTree(payload);
        var issue = message.path("issue").asString();
        var base = addresses.check(settings.siteUrl()).toString().replaceAll("/+$", "");
        var site = new JiraCloud.Site(URI.create(base), settings.email(), box.open(settings.tokenSealed()));
        return HttpRequest.newBuilder(URI.create(base + "/rest/api/3/issue/"
                    + java.net.URLEncoder.encode(issue, StandardCharsets.UTF_8)))
            .timeout(WebhookDeliveries.TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", "Refinery-Sync/1")
            .header("Authorization", site.authorization())
            .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message.path("body")), StandardCharsets.UTF_8))
            .build();
    }
}
