package dev.refinery.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** The webhooks pages of a team: the list with the form to add one, and each hook with its settings and delivery log. */
@Controller
class WebhookController {

    private final Webhooks webhooks;
    private final Teams teams;

    WebhookController(Webhooks webhooks, Teams teams) {
        this.webhooks = webhooks;
        this.teams = teams;
    }

    @GetMapping("/teams/{team}/webhooks")
    String list(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, Model model) {
        return list(me, team, "https://", List.of(WebhookEvent.ESTIMATE_AGREED.code(), WebhookEvent.SESSION_CLOSED.code()),
                FieldErrors.NONE, model);
    }

    @PostMapping("/teams/{team}/webhooks")
    String create(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String url, @RequestParam(required = false) List<String> events, Model model) {
        var chosen = events == null ? List.<String>of() : events;
        try {
            var created = webhooks.create(team, new WebhookForm(url, chosen, true, null), me.id());
            return "redirect:/teams/" + team + "/webhooks/" + created.id() + "?notice=created";
        }
        catch (Rejected rejected) {
            return list(me, team, url, chosen, FieldErrors.of(rejected), model);
        }
    }

    @GetMapping("/teams/{team}/webhooks/{id}")
    String hook(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(required = false) String notice, Model model) {
        var hook = webhooks.find(team, id, me.id());
        return hook(me, team, hook, hook.url(), hook.events().stream().map(WebhookEvent::code).toList(), hook.active(),
                FieldErrors.NONE, notice(notice), model);
    }

    @PostMapping("/teams/{team}/webhooks/{id}")
    String change(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
            @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Integer version, Model model) {
        var chosen = events == null ? List.<String>of() : events;
        try {
            webhooks.change(team, id, new WebhookForm(url, chosen, active, version), me.id());
            return "redirect:/teams/" + team + "/webhooks/" + id + "?notice=saved";
        }
        catch (Rejected rejected) {
            return hook(me, team, webhooks.find(team, id, me.id()), url, chosen, active, FieldErrors.of(rejected), null, model);
        }
    }

    @PostMapping("/teams/{team}/webhooks/{id}/test")
    String test(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        try {
            webhooks.sendTest(team, id, me.id());
            return "redirect:/teams/" + team + "/webhooks/" + id + "?notice=test";
        }
        catch (Rejected rejected) {
            var hook = webhooks.find(team, id, me.id());
            return hook(me, team, hook, hook.url(), hook.events().stream().map(WebhookEvent::code).toList(), hook.active(),
                    FieldErrors.of(rejected), null, model);
        }
    }

    @PostMapping("/teams/{team}/webhooks/{id}/messages/{message}/resend")
    String resend(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @PathVariable long message) {
        webhooks.resend(team, id, message, me.id());
        return "redirect:/teams/" + team + "/webhooks/" + id + "?notice=resent";
    }

    @PostMapping("/teams/{team}/webhooks/{id}/remove")
    String remove(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        webhooks.remove(team, id, me.id());
        return "redirect:/teams/" + UriUtils.encodePathSegment(team, StandardCharsets.UTF_8) + "/webhooks";
    }

    private String list(SignedInAccount me, String team, String url, List<String> events, FieldErrors errors, Model model) {
        var hooks = webhooks.list(team, me.id());
        var name = teams.find(team, me.id()).team().name();
        model.addAttribute("page", new WebhooksPage(team, name, hooks, null, List.of(), url, events, true, errors, null));
        return "exchange/webhooks";
    }

    private String hook(SignedInAccount me, String team, Webhook hook, String url, List<String> events, boolean active,
            FieldErrors errors, String notice, Model model) {
        var name = teams.find(team, me.id()).team().name();
        model.addAttribute("page", new WebhooksPage(team, name, List.of(), hook, webhooks.log(team, hook.id(), me.id()), url,
                events, active, errors, notice));
        return "exchange/webhook";
    }

    private static String notice(String code) {
        return switch (code == null ? "" : code) {
            case "created" -> "Webhook added. Give its secret to the receiver, then send a test event.";
            case "saved" -> "Saved.";
            case "test" -> "A test event is queued: it shows in the log below within seconds (reload).";
            case "resent" -> "The event is queued again: it shows in the log below within seconds (reload).";
            default -> null;
        };
    }
}
