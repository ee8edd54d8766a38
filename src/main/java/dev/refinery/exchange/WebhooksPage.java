package dev.refinery.exchange;

import java.util.List;

import dev.refinery.shared.FieldErrors;

/**
 * The team's webhooks page, for facilitators: the hooks, and the form to add one (kept as typed when refused).
 * {@code hook} is the one page of a single hook, with its log; null on the list.
 */
public record WebhooksPage(String team, String teamName, List<Webhook> hooks, Webhook hook, List<WebhookAttempt> log,
        String url, List<String> events, boolean active, FieldErrors errors, String notice) {

    public List<WebhookEvent> choices() {
        return List.of(WebhookEvent.values());
    }

    public boolean checked(WebhookEvent event) {
        return events.contains(event.code());
    }

    public String base() {
        return "/teams/" + team + "/webhooks";
    }
}
