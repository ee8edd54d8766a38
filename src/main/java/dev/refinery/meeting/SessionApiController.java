package dev.refinery.meeting;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import dev.refinery.backlog.ReadinessCheck;
import dev.refinery.identity.SignedInAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams/{team}/sessions")
@Tag(name = "Refinement sessions")
class SessionApiController {

    record LineJson(int position, String key, String title, int timeBoxMinutes, ReadinessCheck readiness, boolean preVoteOpen) {
    }

    record AgendaJson(long session, int totalMinutes, int durationMinutes, boolean over, List<LineJson> items) {

        static AgendaJson of(Agenda agenda) {
            return new AgendaJson(agenda.session().id(), agenda.totalMinutes(), agenda.session().durationMinutes(), agenda.over(),
                    agenda.lines().stream().map(line -> new LineJson(line.position(), line.item().key().toString(),
                            line.item().content().title(), line.timeBoxMinutes(), line.item().readiness(), line.preVote() != null))
                        .toList());
        }
    }

    record AgendaChange(List<Entry> items) {

        record Entry(String key, Integer timeBoxMinutes) {
        }
    }

    private final RefinementSessions sessions;

    SessionApiController(RefinementSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(summary = "The team's sessions, newest first")
    List<RefinementSession> list(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return sessions.of(team, me.id());
    }

    @PostMapping
    @Operation(summary = "Plans a session: title, workstream, goal, startsAt (local date-time, UTC), durationMinutes, facilitator (email)")
    ResponseEntity<RefinementSession> plan(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestBody SessionPlan plan, UriComponentsBuilder uri) {
        var session = sessions.plan(team, plan, me.account(), java.time.ZoneOffset.UTC);
        return ResponseEntity.created(uri.path("/api/v1/teams/{team}/sessions/{id}").build(team, session.id())).body(session);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One session")
    RefinementSession session(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        return sessions.find(team, id, me.id());
    }

    @GetMapping("/{id}/agenda")
    @Operation(summary = "The agenda with readiness, time boxes and their total against the duration")
    AgendaJson agenda(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        return AgendaJson.of(sessions.agenda(team, id, me.id()));
    }

    @PutMapping("/{id}/agenda")
    @Operation(summary = "Sets the whole agenda: items in order, each with its time box (default 2 minutes)")
    AgendaJson change(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestBody AgendaChange change) {
        var entries = change.items() == null ? List.<AgendaChange.Entry>of() : change.items();
        sessions.replace(team, id, entries.stream().map(AgendaChange.Entry::key).toList(),
                entries.stream().map(AgendaChange.Entry::timeBoxMinutes).toList(), me.id());
        return AgendaJson.of(sessions.agenda(team, id, me.id()));
    }
}
