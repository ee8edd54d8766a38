package dev.refinery.backlog;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.identity.Role;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

@Controller
class WorkstreamController {

    private final Workstreams workstreams;
    private final Teams teams;

    WorkstreamController(Workstreams workstreams, Teams teams) {
        this.workstreams = workstreams;
        this.teams = teams;
    }

    @GetMapping("/teams/{team}/workstreams")
    String workstreams(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, Model model) {
        return page(me, team, "", "", FieldErrors.NONE, model);
    }

    @PostMapping("/teams/{team}/workstreams")
    String create(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description, Model model) {
        try {
            workstreams.create(team, name, description, me.id());
            return "redirect:/teams/" + team + "/workstreams";
        }
        catch (Rejected rejected) {
            return page(me, team, name, description, FieldErrors.of(rejected), model);
        }
    }

    @PostMapping("/teams/{team}/workstreams/archive")
    String archive(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @RequestParam String name,
            @RequestParam(defaultValue = "true") boolean archived) {
        workstreams.archive(team, name, archived, me.id());
        return "redirect:/teams/" + team + "/workstreams";
    }

    private String page(SignedInAccount me, String team, String name, String description, FieldErrors errors, Model model) {
        var membership = teams.find(team, me.id());
        model.addAttribute("page", new WorkstreamsPage(team, membership.team().name(), workstreams.of(team, me.id()),
                membership.role() != Role.OBSERVER, name, description, errors));
        return "backlog/workstreams";
    }
}
