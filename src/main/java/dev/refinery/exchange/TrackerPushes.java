package dev.refinery.exchange;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The request that writes an agreed estimate back to Jira, for the outbox's worker: {@code PUT
 * {site}/rest/api/3/issue/{KEY}} with {@code {"fields": {"<story points field>": points}}} and Basic auth, the token
 * opened only now. The site is checked again as the sync checks it.
 */
@Component
class TrackerPushes {

    private final SyncRepository syncs;
    private final SecretBox box;
    private final SyncAddresses addresses;
    private final JsonMapper json;

    TrackerPushes(SyncRepository syncs, SecretBox box, SyncAddresses addresses, JsonMapper json) {
        this.syncs = syncs;
        this.box = box;
        this.addresses = addresses;
        this.json = json;
    }

    static boolean isPush(String eventType) {
        return TrackerSyncs.PUSH_EVENT.equals(eventType);
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
