package dev.refinery.meeting;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import dev.refinery.backlog.ReadinessCheck;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.shared.Rejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams/{team}/sessions")
@Tag(name = "Refinement sessions")
class SessionApiController {

    /** A session to plan, as the API takes it: numbers as numbers, the start as an RFC 3339 date-time. */
    record PlanJson(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 120, example = "Checkout refinement") String title,
            @Schema(description = "The name of one of the team's workstreams") String workstream,
            @Schema(maxLength = 300) String goal,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "date-time",
                    example = "2026-12-04T09:00:00Z",
                    description = "RFC 3339, with Z or an offset; without one (2026-12-04T09:00) it is read as UTC") String startsAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "15", maximum = "480", example = "60") Integer durationMinutes,
            @Schema(description = "The email of the member who runs it; the caller when left out") String facilitator,
            @Schema(description = "Seconds of silence that open each item's questions; the team's default when left out",
                    minimum = "0", maximum = "120") Integer questionPause) {

        SessionPlan plan() {
            return new SessionPlan(title, workstream, goal, startsAt, durationMinutes == null ? null : durationMinutes.toString(),
                    facilitator, questionPause == null ? null : questionPause.toString());
        }
    }

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

        @Schema(name = "AgendaEntry")
        record Entry(String key, Integer timeBoxMinutes) {
        }
    }

    record CurrentJson(String itemKey) {
    }

    record QuestionJson(String text) {
    }

    record AnswerJson(String answer, String fold) {
    }

    record OutcomeJson(String outcome, String note) {
    }

    record CloseJson(String note) {
    }

    record RoomJson(long session, String state, String current, String phase, String pacing, List<Question> questions) {
    }

    private final RefinementSessions sessions;
    private final LiveMeetings live;
    private final MeetingQuestions questions;
    private final SessionSummaries summaries;

    SessionApiController(RefinementSessions sessions, LiveMeetings live, MeetingQuestions questions, SessionSummaries summaries) {
        this.sessions = sessions;
        this.live = live;
        this.questions = questions;
        this.summaries = summaries;
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Starts the meeting on the agenda's first item (the session's facilitator)")
    RoomJson start(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        live.start(team, id, me.id());
        return room(me, team, id);
    }

    @GetMapping("/{id}/room")
    @Operation(summary = "The live room: current item, phase, pacing and the current item's questions")
    RoomJson room(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        var room = live.room(team, id, me.account());
        return new RoomJson(id, room.session().state().code(), room.current().item().key().toString(),
                room.session().phase().code(), room.pacingText(), room.questions());
    }

    @PutMapping("/{id}/current")
    @Operation(summary = "Moves everyone to an agenda item: {\"itemKey\": \"PAY-3\"}")
    RoomJson current(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestBody CurrentJson current) {
        var agenda = sessions.agenda(team, id, me.id());
        var position = agenda.lines().stream().filter(line -> line.item().key().toString().equals(current.itemKey()))
            .mapToInt(AgendaLine::position).findFirst()
            .orElseThrow(() -> Rejected.invalid("itemKey", current.itemKey() + " is not on this agenda."));
        live.moveTo(team, id, position, me.id());
        return room(me, team, id);
    }

    @PostMapping("/{id}/questions")
    @Operation(summary = "Asks a question on the current item")
    RoomJson ask(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestBody QuestionJson question) {
        questions.ask(team, id, question.text(), me.account());
        return room(me, team, id);
    }

    @PostMapping("/{id}/questions/{question}/answer")
    @Operation(summary = "Answers a question; fold: none, note, criterion or follow-up")
    RoomJson answer(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @PathVariable long question, @RequestBody AnswerJson answer) {
        var fold = switch (answer.fold() == null ? "none" : answer.fold()) {
            case "note" -> MeetingQuestions.Fold.NOTE;
            case "criterion" -> MeetingQuestions.Fold.CRITERION;
            case "follow-up" -> MeetingQuestions.Fold.FOLLOW_UP;
            case "none" -> MeetingQuestions.Fold.NONE;
            default -> throw Rejected.invalid("fold", "none, note, criterion or follow-up.");
        };
        questions.answer(team, id, question, answer.answer(), fold, me.account());
        return room(me, team, id);
    }

    @PutMapping("/{id}/outcomes/{item}")
    @Operation(summary = "Records an item's outcome: estimated, deferred, split, removed, skipped (with a note) or needs-design")
    RoomJson decide(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @PathVariable String item, @RequestBody OutcomeJson outcome) {
        live.decide(team, id, item, Outcome.of(outcome.outcome() == null ? "" : outcome.outcome())
            .orElseThrow(() -> Rejected.invalid("outcome",
                    "estimated, deferred, split, removed, skipped or needs-design.")), outcome.note(), me.account());
        return room(me, team, id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Closes the meeting; refused while a reviewed item has no outcome, unless a note says why")
    SessionSummary close(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestBody(required = false) CloseJson close) {
        live.close(team, id, close == null ? null : close.note(), me.account());
        return summaries.summary(team, id, me.id());
    }

    @GetMapping(path = "/{id}/summary", produces = "application/json")
    @Operation(operationId = "summary", summary = "The summary",
            description = "JSON here; Markdown with Accept: text/markdown; a file to download with format=md or csv (one row an item).")
    SessionSummary summary(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        return summaries.summary(team, id, me.id());
    }

    // The twins of summary() share its path and method, which the document holds once: they are described there.
    @GetMapping(path = "/{id}/summary", produces = "text/markdown")
    @Operation(hidden = true)
    ResponseEntity<String> summaryMarkdown(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown",
                java.nio.charset.StandardCharsets.UTF_8))
            .body(SummaryExport.markdown(summaries.summary(team, id, me.id()), sessions.zone()));
    }

    @GetMapping(path = "/{id}/summary", params = "format")
    @Operation(hidden = true)
    ResponseEntity<String> summaryFile(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable long id, @RequestParam String format) {
        var summary = summaries.summary(team, id, me.id());
        var markdown = switch (format) {
            case "md" -> true;
            case "csv" -> false;
            default -> throw Rejected.invalid("format", "Choose a format: md or csv.");
        };
        return SummaryExport.file(summary, sessions.zone(), team, id, markdown).response();
    }

    @GetMapping
    @Operation(operationId = "listSessions", summary = "The team's sessions, newest first")
    List<RefinementSession> list(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return sessions.of(team, me.id());
    }

    @PostMapping
    @Operation(summary = "Plans a session: title, workstream, goal, startsAt, durationMinutes, facilitator (email), questionPause")
    ResponseEntity<RefinementSession> plan(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestBody PlanJson plan, UriComponentsBuilder uri) {
        var session = sessions.plan(team, plan.plan(), me.account(), java.time.ZoneOffset.UTC);
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
