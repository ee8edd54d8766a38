package dev.refinery.exchange;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/**
 * The sync page of a team (the settings of Jira or GitHub, "Sync now", progress, conflicts), and the sync card of an
 * item page (its conflicts with "keep ours" / "take the tracker's", and how the push of its estimate went).
 */
@Controller
class SyncController {

    private final TrackerSyncs syncs;
    private final BacklogItems items;
    private final Teams teams;

    SyncController(TrackerSyncs syncs, BacklogItems items, Teams teams) {
        this.syncs = syncs;
        this.items = items;
        this.teams = teams;
    }

    @GetMapping("/teams/{team}/sync")
    String page(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String notice, @RequestParam(required = false) String kind,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var settings = syncs.settings(team, me.id()).orElse(null);
        var shown = TrackerSyncs.GITHUB.equals(kind) || TrackerSyncs.JIRA.equals(kind) ? kind
                : settings == null ? TrackerSyncs.JIRA : settings.kind();
        SyncForm form;
        if (settings != null && settings.kind().equals(shown)) {
            form = new SyncForm(settings.kind(), settings.siteUrl(), settings.accountEmail(), "", settings.jql(),
                    settings.pointsField(), settings.repository(), settings.labelFilter(), settings.version());
        }
        else if (shown.equals(TrackerSyncs.GITHUB)) {
            form = new SyncForm(shown, TrackerSyncs.GITHUB_API, "", "", "", "", "", "",
                    settings == null ? null : settings.version());
        }
        else {
            form = new SyncForm(shown, "https://", "", "", "project = " + team + " ORDER BY rank", "customfield_10016", "", "",
                    settings == null ? null : settings.version());
        }
        page(me, team, settings, form, FieldErrors.NONE, notice(notice), model);
        return htmx != null ? "exchange/sync-progress" : "exchange/sync";
    }

    @PostMapping("/teams/{team}/sync")
    String save(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String siteUrl,
            @RequestParam(required = false) String accountEmail, @RequestParam(required = false) String apiToken,
            @RequestParam(required = false) String jql, @RequestParam(required = false) String pointsField,
            @RequestParam(required = false) String repository, @RequestParam(required = false) String labelFilter,
            @RequestParam(required = false) Integer version, Model model) {
        var tracker = TrackerSyncs.GITHUB.equals(kind) ? TrackerSyncs.GITHUB : TrackerSyncs.JIRA;
        var form = new SyncForm(tracker, siteUrl, accountEmail, apiToken, jql, pointsField, repository, labelFilter, version);
        try {
            syncs.save(team, form, me.id());
            return "redirect:/teams/" + team + "/sync?notice=saved";
        }
        catch (Rejected rejected) {
            page(me, team, syncs.settings(team, me.id()).orElse(null),
                    new SyncForm(tracker, siteUrl, accountEmail, "", jql, pointsField, repository, labelFilter, version),
                    FieldErrors.of(rejected), null, model);
            return "exchange/sync";
        }
    }

    @PostMapping("/teams/{team}/sync/runs")
    String syncNow(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, Model model) {
        try {
            syncs.syncNow(team, me.id());
            return "redirect:/teams/" + team + "/sync?notice=started";
        }
        catch (Rejected rejected) {
            return "redirect:/teams/" + team + "/sync?notice=unset";
        }
    }

    @PostMapping("/teams/{team}/sync/remove")
    String remove(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        syncs.remove(team, me.id());
        return "redirect:/teams/" + team + "/sync?notice=removed";
    }

    @GetMapping("/teams/{team}/items/{item}/sync")
    String item(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @RequestParam(required = false) String error, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        var view = items.find(team, item, me.id());
        var sync = syncs.item(team, item, me.id()).orElse(null);
        model.addAttribute("page", new ItemSyncPage(team, teams.find(team, me.id()).team().name(), item,
                view.content().title(), view.item().version(), sync, error));
        return htmx != null ? "exchange/item-sync-card" : "exchange/item-sync";
    }

    @PostMapping("/teams/{team}/items/{item}/sync/conflicts/{id}")
    String resolve(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @PathVariable long id, @RequestParam(required = false) String choice, @RequestParam(required = false) Integer version) {
        try {
            syncs.resolve(team, id, choice, version, me.account());
            return "redirect:/teams/" + team + "/items/" + item;
        }
        catch (dev.refinery.backlog.StaleItem | Rejected stale) {
            return "redirect:/teams/" + team + "/items/" + item + "/sync?error=stale";
        }
    }

    private void page(SignedInAccount me, String team, TrackerSync settings, SyncForm form, FieldErrors errors,
            String notice, Model model) {
        var name = teams.find(team, me.id()).team().name();
        model.addAttribute("page", new SyncPage(team, name, settings, form, syncs.canKeepSecrets(),
                settings == null ? java.util.List.of() : syncs.runs(team, me.id()),
                settings == null ? java.util.List.of() : syncs.conflicts(team, me.id()), errors, notice));
    }

    private static String notice(String code) {
        return switch (code == null ? "" : code) {
            case "saved" -> "Saved. Sync now, or wait for the next scheduled pull.";
            case "started" -> "Pulling from the tracker: the progress shows below.";
            case "unset" -> "Save the sync settings first.";
            case "removed" -> "The sync is off and its token forgotten; the items stay in the backlog.";
            default -> null;
        };
    }
}
