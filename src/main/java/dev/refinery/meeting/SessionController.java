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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
    private final LiveMeetings live;
    private final MeetingQuestions questions;
    private final GuestAccess guests;
    private final SessionSummaries summaries;
    private final RoomTables tables;
    private final Workstreams workstreams;
    private final Teams teams;

    SessionController(RefinementSessions sessions, LiveMeetings live, MeetingQuestions questions, GuestAccess guests, SessionSummaries summaries, RoomTables tables, Workstreams workstreams, Teams teams) {
        this.sessions = sessions;
        this.live = live;
        this.questions = questions;
        this.guests = guests;
        this.summaries = summaries;
        this.tables = tables;
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

    /** The session page: the agenda builder while planned, the live room while live, the summary once closed. */
    @PostMapping("/teams/{team}/sessions/defaults")
    String defaults(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(defaultValue = "") String timeBoxMinutes, @RequestParam(defaultValue = "") String questionPauseSeconds,
            @RequestParam(defaultValue = "false") boolean guestsVote, Model model) {
        try {
            sessions.saveDefaults(team, new MeetingDefaults(number(timeBoxMinutes), number(questionPauseSeconds), guestsVote),
                    me.id());
            return "redirect:/teams/" + team + "/sessions";
        }
        catch (Rejected rejected) {
            return list(me, team, SessionPlan.blank(), FieldErrors.of(rejected), model);
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        }
        catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    @GetMapping("/teams/{team}/sessions/{id}")
    String session(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        var session = sessions.find(team, id, me.id());
        if (session.state() == SessionState.LIVE) {
            return roomPage(me, team, id, null, model);
        }
        if (session.state() == SessionState.CLOSED) {
            model.addAttribute("page", new SessionPages.SummaryPage(team, summaries.summary(team, id, me.id())));
            return "meeting/summary";
        }
        return page(me, team, id, FieldErrors.NONE, "", model);
    }

    /** The live room as the viewer sees it, for htmx to swap whenever the room changes. */
    @GetMapping("/teams/{team}/sessions/{id}/room")
    String room(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        var session = sessions.find(team, id, me.id());
        if (session.state() != SessionState.LIVE) {
            model.addAttribute("url", "/teams/" + team + "/sessions/" + id);
            return "meeting/room-over";
        }
        model.addAttribute("room", live.room(team, id, me.account()));
        return "meeting/room-view";
    }

    /** The poker table of the current item with the viewer's hand, fetched again when the meeting moves on. */
    @GetMapping("/teams/{team}/sessions/{id}/table")
    String table(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        model.addAttribute("table", tables.of(team, id, me.account()));
        return "meeting/table-swap";
    }

    /** Similar items and the suggestion of the current item, once its round is revealed: an empty slot before. */
    @GetMapping("/teams/{team}/sessions/{id}/hints")
    String hints(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        model.addAttribute("hintsUrl", "/teams/" + team + "/sessions/" + id + "/hints");
        model.addAttribute("hints", tables.hintsOf(team, id, me.account()));
        model.addAttribute("links", true);
        return "meeting/hints";
    }

    @GetMapping("/teams/{team}/sessions/{id}/hand")
    String hand(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        model.addAttribute("hand", tables.of(team, id, me.account()).hand());
        return "estimation/hand";
    }

    /** The projector's view: large type for a shared screen, following the meeting live. */
    @GetMapping("/teams/{team}/sessions/{id}/present")
    String present(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        model.addAttribute("room", live.room(team, id, me.account()));
        model.addAttribute("table", tables.of(team, id, me.account()));
        return "meeting/present";
    }

    @GetMapping("/teams/{team}/sessions/{id}/present/view")
    String presentView(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            Model model) {
        var session = sessions.find(team, id, me.id());
        if (session.state() != SessionState.LIVE) {
            model.addAttribute("url", "/teams/" + team + "/sessions/" + id);
            return "meeting/room-over";
        }
        model.addAttribute("room", live.room(team, id, me.account()));
        return "meeting/present-view";
    }

    /** The backlog's own section editors for the current item, loaded in place in the room. */
    @GetMapping("/teams/{team}/sessions/{id}/editor")
    String editor(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        var room = live.room(team, id, me.account());
        if (!room.facilitates()) {
            throw new dev.refinery.shared.Forbidden("Only the facilitator edits the task from the room.");
        }
        model.addAttribute("item", "/teams/" + team + "/items/" + room.current().item().key());
        model.addAttribute("sections", List.of("description", "technical-notes", "acceptance-criteria", "estimate", "details"));
        return "meeting/editor";
    }

    @PostMapping("/teams/{team}/sessions/{id}/start")
    String start(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        try {
            live.start(team, id, me.id());
            return "redirect:/teams/" + team + "/sessions/" + id;
        }
        catch (Rejected rejected) {
            return page(me, team, id, FieldErrors.of(rejected), "", model);
        }
    }

    @PostMapping("/teams/{team}/sessions/{id}/current")
    String move(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(required = false) Integer position, @RequestParam(required = false) String step,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return live(me, team, id, htmx, model, () -> {
            if (position != null) {
                live.moveTo(team, id, position, me.id());
            }
            else {
                live.step(team, id, "previous".equals(step) ? -1 : 1, me.id());
            }
        });
    }

    @PostMapping("/teams/{team}/sessions/{id}/phase")
    String phase(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam String phase, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return live(me, team, id, htmx, model, () -> live.phase(team, id,
                Phase.of(phase).orElseThrow(() -> Rejected.invalid("phase", "No phase " + phase + ".")), me.account()));
    }

    /** The questions of the current item, for htmx to swap when only they changed. */
    @GetMapping("/teams/{team}/sessions/{id}/questions")
    String questions(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            Model model) {
        model.addAttribute("room", live.room(team, id, me.account()));
        return "meeting/questions";
    }

    /** Asks a question; from htmx the answer is the questions alone, with the reason next to the field when refused. */
    @PostMapping("/teams/{team}/sessions/{id}/questions")
    String ask(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(defaultValue = "") String question, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        if (htmx == null) {
            return live(me, team, id, null, model, () -> questions.ask(team, id, question, me.account()));
        }
        try {
            questions.ask(team, id, question, me.account());
        }
        catch (Rejected rejected) {
            model.addAttribute("error", rejected.getMessage());
        }
        model.addAttribute("room", live.room(team, id, me.account()));
        return "meeting/questions";
    }

    @PostMapping("/teams/{team}/sessions/{id}/questions/{question}/answer")
    String answer(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @PathVariable long question, @RequestParam(defaultValue = "") String answer, @RequestParam(defaultValue = "none") String fold,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return live(me, team, id, htmx, model, () -> questions.answer(team, id, question, answer, fold(fold), me.account()));
    }

    @PostMapping("/teams/{team}/sessions/{id}/outcomes")
    String decide(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam String item, @RequestParam String outcome, @RequestParam(defaultValue = "") String note,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return live(me, team, id, htmx, model, () -> live.decide(team, id, item,
                Outcome.of(outcome).orElseThrow(() -> Rejected.invalid("outcome", "Choose an outcome.")), note, me.account()));
    }

    @PostMapping("/teams/{team}/sessions/{id}/tasks")
    String addTask(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(defaultValue = "") String title, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        return live(me, team, id, htmx, model, () -> live.addTask(team, id, title, me.account()));
    }

    @PostMapping("/teams/{team}/sessions/{id}/split")
    String split(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(defaultValue = "") String titles, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        return live(me, team, id, htmx, model, () -> live.splitCurrent(team, id, List.of(titles.split("\\R")), me.account()));
    }

    @PostMapping("/teams/{team}/sessions/{id}/close")
    String close(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(defaultValue = "") String note, @RequestHeader(name = "HX-Request", required = false) String htmx,
            jakarta.servlet.http.HttpServletResponse response, Model model) {
        try {
            live.close(team, id, note, me.account());
            if (htmx != null) {
                // the one who closed it goes on to the summary; the others' rooms say it is over, with its link
                response.setHeader("HX-Redirect", "/teams/" + team + "/sessions/" + id);
                model.addAttribute("url", "/teams/" + team + "/sessions/" + id);
                return "meeting/room-over";
            }
            return "redirect:/teams/" + team + "/sessions/" + id;
        }
        catch (Rejected rejected) {
            return roomWith(me, team, id, rejected.getMessage(), htmx, model);
        }
    }

    @GetMapping("/teams/{team}/sessions/{id}/summary.md")
    ResponseEntity<String> summaryMarkdown(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
            .body(SummaryExport.markdown(summaries.summary(team, id, me.id()), sessions.zone()));
    }

    @GetMapping("/teams/{team}/sessions/{id}/summary.csv")
    ResponseEntity<String> summaryCsv(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable long id) {
        return SummaryExport.file(summaries.summary(team, id, me.id()), sessions.zone(), team, id, false).response();
    }

    private String live(SignedInAccount me, String team, long id, String htmx, Model model, Runnable action) {
        try {
            action.run();
            if (htmx == null) {
                return "redirect:/teams/" + team + "/sessions/" + id;
            }
            return roomWith(me, team, id, null, htmx, model);
        }
        catch (Rejected rejected) {
            return roomWith(me, team, id, rejected.getMessage(), htmx, model);
        }
    }

    private String roomWith(SignedInAccount me, String team, long id, String error, String htmx, Model model) {
        if (htmx == null) {
            return roomPage(me, team, id, error, model);
        }
        model.addAttribute("room", live.room(team, id, me.account()));
        model.addAttribute("error", error);
        return "meeting/room-view";
    }

    private String roomPage(SignedInAccount me, String team, long id, String error, Model model) {
        var room = live.room(team, id, me.account());
        model.addAttribute("room", room);
        model.addAttribute("error", error);
        model.addAttribute("table", tables.of(team, id, me.account()));
        model.addAttribute("guestLink", room.facilitates()
                ? guests.activeGuestLink(team, id, me.id()).map(SessionController::joinUrl).orElse("") : null);
        return "meeting/room";
    }

    private static MeetingQuestions.Fold fold(String fold) {
        return switch (fold) {
            case "note" -> MeetingQuestions.Fold.NOTE;
            case "criterion" -> MeetingQuestions.Fold.CRITERION;
            case "follow-up" -> MeetingQuestions.Fold.FOLLOW_UP;
            default -> MeetingQuestions.Fold.NONE;
        };
    }

    @PostMapping("/teams/{team}/sessions/{id}/agenda")
    String add(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(defaultValue = "") String item, Model model) {
        if (dev.refinery.backlog.ItemKey.parse(item.strip().toUpperCase()).isEmpty()) {
            var found = item.isBlank() ? List.<dev.refinery.backlog.ItemView>of() : sessions.search(team, id, item.strip(), me.id());
            var errors = found.isEmpty() ? new FieldErrors(java.util.Map.of("item", "No item key or title matches " + item + "."))
                    : FieldErrors.NONE;
            return page(me, team, id, errors, item, found, model);
        }
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

    @PostMapping("/teams/{team}/sessions/{id}/agenda/rest")
    String reorderRest(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam(name = "order", defaultValue = "") List<String> order,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return live(me, team, id, htmx, model, () -> live.reorderRest(team, id, order, me.id()));
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

    @PostMapping("/teams/{team}/sessions/{id}/guest-link")
    String guestLink(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        guests.guestLink(team, id, me.id());
        return "redirect:/teams/" + team + "/sessions/" + id + "#guests";
    }

    @PostMapping("/teams/{team}/sessions/{id}/guest-link/revoke")
    String revokeGuestLink(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        guests.revokeGuestLink(team, id, me.id());
        return "redirect:/teams/" + team + "/sessions/" + id + "#guests";
    }

    @GetMapping(path = "/teams/{team}/sessions/{id}/guest-link.svg", produces = "image/svg+xml")
    ResponseEntity<String> guestQr(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        var token = guests.activeGuestLink(team, id, me.id()).orElseThrow(() -> new NotFound("No active guest link."));
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(GuestLinks.qrSvg(joinUrl(token)));
    }

    /** The whole address a guest opens, as the person who asked for this page reached the server. */
    static String joinUrl(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/join/{token}").buildAndExpand(token).toUriString();
    }

    @GetMapping("/teams/{team}/sessions/{id}/agenda")
    String printable(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id, Model model) {
        model.addAttribute("page", new SessionPages.SessionPage(team, teams.find(team, me.id()).team().name(),
                sessions.agenda(team, id, me.id()), List.of(), false, sessions.hidesAnchors(team, me.id()), FieldErrors.NONE, "",
                List.of()));
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
                workstreams.of(team, me.id()), plan, errors, membership.role() != Role.OBSERVER, sessions.defaults(team, me.id()),
                membership.facilitator()));
        return "meeting/sessions";
    }

    private String page(SignedInAccount me, String team, long id, FieldErrors errors, String item, Model model) {
        return page(me, team, id, errors, item, List.of(), model);
    }

    private String page(SignedInAccount me, String team, long id, FieldErrors errors, String item,
            List<dev.refinery.backlog.ItemView> found, Model model) {
        var canEdit = sessions.mayEdit(team, id, me.id());
        model.addAttribute("guestLink", canEdit ? guests.activeGuestLink(team, id, me.id()).map(SessionController::joinUrl)
            .orElse("") : null);
        model.addAttribute("page", new SessionPages.SessionPage(team, teams.find(team, me.id()).team().name(),
                sessions.agenda(team, id, me.id()), canEdit ? sessions.suggestions(team, id, 5, me.id()) : List.of(), canEdit,
                sessions.hidesAnchors(team, me.id()), errors, item, found));
        return "meeting/session";
    }
}
