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
 * for syncs only ({@code REFINERY_SYNC_ALLOW_PRIVATE=true}, a Jira Data Center on the same network). Refusals name
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
        try {
            return addresses.check(url);
        }
        catch (Rejected refused) {
            var message = refused.errors().getOrDefault("url", refused.getMessage()).replace("webhooks go to", "trackers are at")
                .replace("receives the events, such as https://example.com/hooks/refinery", "is your Jira site, such as https://acme.atlassian.net")
                .replace("Only http:// and https:// URLs receive webhooks.", "A Jira site is an http:// or https:// URL.")
                .replace("check the signature instead", "give the account email and API token below");
            throw Rejected.invalid("siteUrl", message);
        }
    }
}
