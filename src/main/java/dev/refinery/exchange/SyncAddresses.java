package dev.refinery.exchange;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.refinery.shared.Rejected;

/**
 * Where a tracker sync may connect: checked as a webhook's URL is ({@link WebhookAddresses}), private addresses allowed
 * when webhooks may reach them ({@code REFINERY_WEBHOOKS_ALLOW_PRIVATE=true}) or when the administrator allows them
 * for syncs only ({@code REFINERY_SYNC_ALLOW_PRIVATE=true}, a Jira Data Center or GitHub Enterprise Server on the
 * same network). Refusals name
 * the field {@code siteUrl}.
 */
@Component
class SyncAddresses {

    private final WebhookAddresses addresses;

    SyncAddresses(@Value("${refinery.webhooks.allow-private:false}") boolean webhooksPrivate,
            @Value("${refinery.sync.allow-private:false}") boolean syncPrivate) {
        this.addresses = new WebhookAddresses(webhooksPrivate || syncPrivate, host -> List.of(InetAddress.getAllByName(host)));
    }

    URI check(String url) {
        return check(url, TrackerSyncs.JIRA);
    }

    /** Checks the address of a tracker of this kind, its refusals said in its words. */
    URI check(String url, String kind) {
        try {
            return addresses.check(url);
        }
        catch (Rejected refused) {
            var github = TrackerSyncs.GITHUB.equals(kind);
            var message = refused.errors().getOrDefault("url", refused.getMessage()).replace("webhooks go to", "trackers are at")
                .replace("receives the events, such as https://example.com/hooks/refinery", github
                        ? "is GitHub's API, https://api.github.com (or https://HOST/api/v3 for GitHub Enterprise Server)"
                        : "is your Jira site, such as https://acme.atlassian.net")
                .replace("Only http:// and https:// URLs receive webhooks.", github
                        ? "GitHub's API address is an http:// or https:// URL." : "A Jira site is an http:// or https:// URL.")
                .replace("check the signature instead", github ? "give the token below" : "give the account email and API token below");
            throw Rejected.invalid("siteUrl", message);
        }
    }
}
