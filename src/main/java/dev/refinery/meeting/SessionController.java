package dev.refinery.meeting;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.backlog.Workstreams;
import dev.refinery.identity.Role;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/** The team's sessions, planning one, and a session's agenda builder with its printable and Markdown agenda. */
@Controller
class SessionController {

    private final RefinementSessions sessions;
    private final Workstreams workstreams;
    private final Teams teams;

    SessionController(RefinementSessions sessions, Workstreams workstreams, Teams teams) {
        this.sessions = sessions;
        this.workstreams = workstreams;
        this.teams = teams;
    }

    @GetMapping("/teams/{team}/sessions")
    String sessions(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, Model model) {
        return list(me, team, SessionPlan.blank(), FieldErrors.NONE, model);
    }

    @PostMapping("/teams/{team}/sessions")
    String plan(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, SessionPlan plan, Model model) {
        try {
            var session = sessions.plan(team, plan, me.account(), sessions.zone());
            return "redirect:/teams/" + team + "/sessions/" + session.id();
        }
        catch (Rejected rejected) {
            return list(me, team, plan, FieldErrors.of(rejected), model);
        }
    }

    @GetMapping("/teams/{team}/sessions/{id}")
    String session(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        return page(me, team, id, FieldErrors.NONE, "", model);
    }

    @PostMapping("/teams/{team}/sessions/{id}/agenda")
    String add(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(defaultValue = "") String item, Model model) {
        try {
            sessions.add(team, id, item, me.id());
            return "redirect:/teams/" + team + "/sessions/" + id;
        }
        catch (Rejected rejected) {
            return page(me, team, id, FieldErrors.of(rejected), item, model);
        }
        catch (NotFound missing) {
            return page(me, team, id, new FieldErrors(java.util.Map.of("item", "There is no item " + item + " in " + team + ".")),
                    item, model);
        }
    }

    @PostMapping("/teams/{team}/sessions/{id}/agenda/remove")
    String remove(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam String item) {
        sessions.remove(team, id, item, me.id());
        return "redirect:/teams/" + team + "/sessions/" + id;
    }

    @PostMapping("/teams/{team}/sessions/{id}/agenda/arrange")
    String arrange(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(name = "order", defaultValue = "") List<String> order,
            @RequestParam(name = "timeBox", defaultValue = "") List<String> timeBoxes, Model model) {
        try {
            var minutes = timeBoxes.stream().map(text -> {
                try {
                    return Integer.valueOf(text.strip());
                }
                catch (NumberFormatException notANumber) {
                    return -1;
                }
            }).toList();
            sessions.arrange(team, id, order, minutes, me.id());
            return "redirect:/teams/" + team + "/sessions/" + id;
        }
        catch (Rejected rejected) {
            return page(me, team, id, FieldErrors.of(rejected), "", model);
        }
    }

    @PostMapping("/teams/{team}/sessions/{id}/pre-votes")
    String preVote(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam String item) {
        sessions.preVote(team, id, item, me.account());
        return "redirect:/teams/" + team + "/sessions/" + id;
    }

    @GetMapping("/teams/{team}/sessions/{id}/agenda")
    String printable(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        model.addAttribute("page", new SessionPages.SessionPage(team, teams.find(team, me.id()).team().name(),
                sessions.agenda(team, id, me.id()), List.of(), false, sessions.hidesAnchors(team, me.id()), FieldErrors.NONE, ""));
        return "meeting/agenda";
    }

    @GetMapping(path = "/teams/{team}/sessions/{id}/agenda.md")
    ResponseEntity<String> markdown(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        var agenda = sessions.agenda(team, id, me.id());
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
            .header("Content-Disposition", "inline; filename=\"agenda-" + team + "-" + id + ".md\"")
            .body(AgendaMarkdown.of(agenda, sessions.hidesAnchors(team, me.id()), sessions.zone()));
    }

    private String list(SignedInAccount me, String team, SessionPlan plan, FieldErrors errors, Model model) {
        var membership = teams.find(team, me.id());
        model.addAttribute("page", new SessionPages.ListPage(team, membership.team().name(), sessions.of(team, me.id()),
                workstreams.of(team, me.id()), plan, errors, membership.role() != Role.OBSERVER));
        return "meeting/sessions";
    }

    private String page(SignedInAccount me, String team, long id, FieldErrors errors, String item, Model model) {
        var canEdit = sessions.mayEdit(team, id, me.id());
        model.addAttribute("page", new SessionPages.SessionPage(team, teams.find(team, me.id()).team().name(),
                sessions.agenda(team, id, me.id()), canEdit ? sessions.suggestions(team, id, 5, me.id()) : List.of(), canEdit,
                sessions.hidesAnchors(team, me.id()), errors, item));
        return "meeting/session";
    }
}
