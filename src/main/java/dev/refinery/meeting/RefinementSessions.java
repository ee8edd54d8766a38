package dev.refinery.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItemId;
import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemContent;
import dev.refinery.backlog.ItemKey;
import dev.refinery.backlog.ItemView;
import dev.refinery.backlog.Status;
import dev.refinery.backlog.Workstreams;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.estimation.Round;
import dev.refinery.identity.Account;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Membership;
import dev.refinery.identity.Role;
import dev.refinery.identity.Teams;
import dev.refinery.prioritization.PriorityQueues;
import dev.refinery.prioritization.ScoringModels;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * A team's refinement sessions and their agendas. Any member but an observer plans a session and may be its
 * facilitator; the agenda is the facilitator's (and the team's facilitators') to change while it is planned.
 */
@Component
public class RefinementSessions {

    static final int MAX_AGENDA = 60;

    private final RefinementSessionRepository sessions;
    private final Teams teams;
    private final BacklogItems items;
    private final Workstreams workstreams;
    private final PriorityQueues queues;
    private final PokerRounds rounds;
    private final ScoringModels models;
    private final SessionRoomEvents room;
    private final Clock clock;

    RefinementSessions(RefinementSessionRepository sessions, Teams teams, BacklogItems items, Workstreams workstreams,
            PriorityQueues queues, PokerRounds rounds, ScoringModels models, SessionRoomEvents room, Clock clock) {
        this.sessions = sessions;
        this.teams = teams;
        this.items = items;
        this.workstreams = workstreams;
        this.queues = queues;
        this.rounds = rounds;
        this.models = models;
        this.room = room;
        this.clock = clock;
    }

    public MeetingDefaults defaults(String teamKey, AccountId viewer) {
        return sessions.defaults(teams.find(teamKey, viewer).team().id().value());
    }

    /** The team's defaults for new agenda items and new sessions (its facilitators). */
    @Transactional
    public void saveDefaults(String teamKey, MeetingDefaults defaults, AccountId by) {
        var membership = teams.find(teamKey, by);
        if (!membership.facilitator()) {
            throw new Forbidden("Only a facilitator sets the team's meeting defaults.");
        }
        var problems = new java.util.LinkedHashMap<String, String>();
        if (defaults.timeBoxMinutes() < 1 || defaults.timeBoxMinutes() > 60) {
            problems.put("timeBoxMinutes", "A time box is 1 to 60 minutes.");
        }
        if (defaults.questionPauseSeconds() < 0 || defaults.questionPauseSeconds() > 120) {
            problems.put("questionPauseSeconds", "The silent pause is 0 to 120 seconds.");
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        sessions.defaults(membership.team().id().value(), defaults);
    }

    private int defaultBox(String teamKey, AccountId viewer) {
        return defaults(teamKey, viewer).timeBoxMinutes();
    }

    public List<RefinementSession> of(String teamKey, AccountId viewer) {
        return sessions.of(teams.find(teamKey, viewer).team().id().value());
    }

    public RefinementSession find(String teamKey, long id, AccountId viewer) {
        return session(teams.find(teamKey, viewer), id);
    }

    @Transactional
    public RefinementSession plan(String teamKey, SessionPlan plan, Account by, ZoneId zone) {
        var membership = teams.find(teamKey, by.id());
        if (membership.role() == Role.OBSERVER) {
            throw new Forbidden("Observers join sessions; they do not plan them.");
        }
        var problems = plan.problems();
        var workstream = plan.workstream() == null || plan.workstream().isBlank() ? null : plan.workstream().strip();
        if (workstream != null && workstreams.of(teamKey, by.id()).stream().noneMatch(w -> w.name().equals(workstream))) {
            problems.put("workstream", "There is no workstream " + workstream + " in this team.");
        }
        var facilitator = by;
        if (plan.facilitator() != null && !plan.facilitator().isBlank()) {
            var member = teams.members(teamKey, by.id()).stream()
                .filter(m -> m.email().equalsIgnoreCase(plan.facilitator().strip())).findFirst();
            if (member.isEmpty() || member.get().role() == Role.OBSERVER) {
                problems.put("facilitator", "The facilitator is a member of the team who is not an observer.");
            }
            else {
                facilitator = new Account(member.get().account(), member.get().email(), member.get().displayName(), false);
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        var pause = plan.questionPause() == null || plan.questionPause().isBlank()
                ? sessions.defaults(membership.team().id().value()).questionPauseSeconds() : plan.pause();
        var id = sessions.insert(membership.team().id().value(), teamKey, plan.title().strip(), workstream,
                plan.goal() == null ? "" : plan.goal().strip(), plan.start(zone), plan.minutes(),
                pause, facilitator.id().value(), facilitator.displayName());
        return session(membership, id);
    }

    /** The agenda with each item's readiness and its pre-vote, in order. */
    public Agenda agenda(String teamKey, long id, AccountId viewer) {
        var membership = teams.find(teamKey, viewer);
        var session = session(membership, id);
        var entries = sessions.agenda(id);
        var views = new HashMap<Integer, ItemView>();
        items.find(teamKey, entries.stream().map(entry -> new BacklogItemId(entry.itemId())).toList(), viewer)
            .forEach(view -> views.put(view.key().number(), view));
        var lines = new ArrayList<AgendaLine>();
        for (var entry : entries) {
            var view = views.get(entry.itemNumber());
            if (view != null) {
                var round = rounds.current(teamKey, view.key().toString(), viewer)
                    .filter(r -> r.status() == Round.Status.VOTING).orElse(null);
                lines.add(new AgendaLine(lines.size() + 1, view, entry.timeBoxMinutes(), round, entry.spentSeconds(),
                        entry.reviewed(), entry.outcome(), entry.outcomeNote(), entry.queueBefore()));
            }
        }
        return new Agenda(session, lines);
    }

    /** Adds an item at the end of the agenda, with the default time box. */
    @Transactional
    public void add(String teamKey, long id, String itemKey, AccountId by) {
        var membership = editor(teamKey, id, by);
        var view = items.find(teamKey, itemKey.strip().toUpperCase(), by);
        var item = view.key();
        var entries = new ArrayList<>(sessions.agenda(id));
        if (entries.stream().anyMatch(e -> e.itemNumber() == item.number())) {
            throw Rejected.conflict("item", item + " is on the agenda already.");
        }
        if (entries.size() >= MAX_AGENDA) {
            throw Rejected.invalid("item", "An agenda has at most " + MAX_AGENDA + " items.");
        }
        entries.add(new RefinementSessionRepository.Entry(view.item().id().value(), item.number(), entries.size(),
                sessions.defaults(membership.team().id().value()).timeBoxMinutes()));
        sessions.agenda(session(membership, id).id(), entries);
    }

    @Transactional
    public void remove(String teamKey, long id, String itemKey, AccountId by) {
        editor(teamKey, id, by);
        var entries = new ArrayList<>(sessions.agenda(id));
        entries.removeIf(entry -> new ItemKey(teamKey, entry.itemNumber()).toString().equals(itemKey));
        sessions.agenda(id, entries);
    }

    /** Puts the agenda in this order (every item of it once) with these time boxes in minutes. */
    @Transactional
    public void arrange(String teamKey, long id, List<String> order, List<Integer> timeBoxes, AccountId by) {
        editor(teamKey, id, by);
        var current = sessions.agenda(id);
        var numbers = order.stream().map(key -> ItemKey.parse(key).filter(k -> k.team().equals(teamKey)).map(ItemKey::number)
            .orElse(-1)).toList();
        if (numbers.size() != current.size() || !numbers.containsAll(current.stream().map(RefinementSessionRepository.Entry::itemNumber).toList())) {
            throw Rejected.conflict("order", "The agenda changed since you opened it: reload it and try again.");
        }
        var entries = new ArrayList<RefinementSessionRepository.Entry>();
        for (int i = 0; i < numbers.size(); i++) {
            var minutes = i < timeBoxes.size() && timeBoxes.get(i) != null ? timeBoxes.get(i) : defaultBox(teamKey, by);
            if (minutes < 1 || minutes > 60) {
                throw Rejected.invalid("timeBox[" + i + "]", "A time box is 1 to 60 minutes.");
            }
            var number = numbers.get(i);
            var itemId = current.stream().filter(entry -> entry.itemNumber() == number).findFirst().orElseThrow().itemId();
            entries.add(new RefinementSessionRepository.Entry(itemId, number, i, minutes));
        }
        sessions.agenda(id, entries);
    }

    /** Sets the whole agenda at once (the API): these items in this order, with these time boxes. */
    @Transactional
    public void replace(String teamKey, long id, List<String> keys, List<Integer> timeBoxes, AccountId by) {
        editor(teamKey, id, by);
        if (keys.size() > MAX_AGENDA || keys.stream().distinct().count() != keys.size()) {
            throw Rejected.invalid("items", "An agenda has at most " + MAX_AGENDA + " items, each once.");
        }
        var entries = new ArrayList<RefinementSessionRepository.Entry>();
        for (int i = 0; i < keys.size(); i++) {
            var key = keys.get(i) == null ? "" : keys.get(i).strip();
            ItemView view;
            try {
                view = items.find(teamKey, key, by);
            }
            catch (NotFound missing) {
                throw Rejected.invalid("items[" + i + "].key", "There is no item " + key + " in " + teamKey + ".");
            }
            var minutes = i < timeBoxes.size() && timeBoxes.get(i) != null ? timeBoxes.get(i) : defaultBox(teamKey, by);
            if (minutes < 1 || minutes > 60) {
                throw Rejected.invalid("items[" + i + "].timeBoxMinutes", "A time box is 1 to 60 minutes.");
            }
            entries.add(new RefinementSessionRepository.Entry(view.item().id().value(), view.key().number(), i, minutes));
        }
        sessions.agenda(id, entries);
    }

    /** The highest-ranked open items that are not ready or not estimated, and not on the agenda yet. */
    public List<ItemView> suggestions(String teamKey, long id, int count, AccountId viewer) {
        var membership = teams.find(teamKey, viewer);
        var session = session(membership, id);
        var onAgenda = sessions.agenda(id).stream().map(RefinementSessionRepository.Entry::itemNumber).collect(Collectors.toSet());
        var candidates = queues.all(teamKey, viewer).stream()
            .filter(ranked -> !onAgenda.contains(ranked.item().key().number()))
            .filter(ranked -> session.workstream() == null || session.workstream().equals(ranked.item().workstream()))
            .filter(ranked -> ranked.item().status() != Status.PLANNED)
            .limit(200)
            .map(ranked -> ranked.item().id())
            .toList();
        return items.find(teamKey, candidates, viewer).stream()
            .filter(view -> !view.readiness().ready() || view.content().estimate() == null || !view.content().estimate().agreed())
            .limit(count)
            .toList();
    }

    /** Open items whose title or description holds the text, not on the agenda yet: for adding by search. */
    public List<ItemView> search(String teamKey, long id, String text, AccountId viewer) {
        var onAgenda = sessions.agenda(session(teams.find(teamKey, viewer), id).id()).stream()
            .map(RefinementSessionRepository.Entry::itemNumber).collect(Collectors.toSet());
        return items.list(teamKey, new dev.refinery.backlog.BacklogFilter(null, null, null, null, text, 1), viewer).items().stream()
            .filter(view -> !onAgenda.contains(view.key().number()))
            .filter(view -> view.content().status() != Status.DONE)
            .limit(10)
            .toList();
    }

    /** Opens a pre-vote on an agenda item: people vote before the meeting; the cards stay hidden until it. */
    @Transactional
    public void preVote(String teamKey, long id, String itemKey, Account by) {
        editor(teamKey, id, by.id());
        if (sessions.agenda(id).stream().noneMatch(e -> new ItemKey(teamKey, e.itemNumber()).toString().equals(itemKey))) {
            throw new NotFound(itemKey + " is not on this agenda.");
        }
        rounds.open(teamKey, itemKey, by);
    }

    public boolean hidesAnchors(String teamKey, AccountId viewer) {
        return rounds.settings(teamKey, viewer).hideAnchors();
    }

    public boolean mayEdit(String teamKey, long id, AccountId viewer) {
        var membership = teams.find(teamKey, viewer);
        var session = session(membership, id);
        return session.state() == SessionState.PLANNED && (membership.facilitator() || session.facilitator() == viewer.value());
    }

    private Membership editor(String teamKey, long id, AccountId by) {
        var membership = teams.find(teamKey, by);
        var session = session(membership, id);
        if (!membership.facilitator() && session.facilitator() != by.value()) {
            throw new Forbidden("Only the session's facilitator (or a facilitator of the team) changes its agenda.");
        }
        if (session.state() != SessionState.PLANNED) {
            throw Rejected.conflict("item", "The session has started: its agenda is fixed.");
        }
        return membership;
    }


    private RefinementSession session(Membership membership, long id) {
        return sessions.find(membership.team().id().value(), id)
            .orElseThrow(() -> new NotFound("No session " + id + " in " + membership.team().key() + "."));
    }

    ZoneId zone() {
        return clock.getZone();
    }

    // The live meeting.

    static final int QUESTION_PAUSE_SECONDS = 20;

    /** Starts the meeting on the first item of its agenda; the agenda's places in the queue are kept. */
    @Transactional
    public void start(String teamKey, long id, AccountId by) {
        var membership = facilitator(teamKey, id, by);
        var entries = sessions.agenda(id);
        if (entries.isEmpty()) {
            throw Rejected.conflict("agenda", "Put items on the agenda before starting.");
        }
        var positions = new java.util.HashMap<Integer, Integer>();
        var queue = queues.all(teamKey, by);
        for (int i = 0; i < queue.size(); i++) {
            positions.put(queue.get(i).item().key().number(), i + 1);
        }
        var onAgenda = new java.util.HashMap<Integer, Integer>();
        entries.forEach(entry -> {
            if (positions.containsKey(entry.itemNumber())) {
                onAgenda.put(entry.itemNumber(), positions.get(entry.itemNumber()));
            }
        });
        if (!sessions.start(session(membership, id).id(), entries.getFirst().itemNumber(), clock.instant(), onAgenda)) {
            throw Rejected.conflict("state", "The session has started already.");
        }
        room.moved(teamKey, id);
    }

    /** Takes up the agenda's item at this position (1-based); the time spent on the one left is kept. */
    @Transactional
    public void moveTo(String teamKey, long id, int position, AccountId by) {
        var session = live(facilitator(teamKey, id, by), id);
        var entries = sessions.agenda(id);
        if (position < 1 || position > entries.size()) {
            throw Rejected.invalid("position", "The agenda has items 1 to " + entries.size() + ".");
        }
        var target = entries.get(position - 1).itemNumber();
        if (target == session.currentNumber()) {
            return;
        }
        sessions.move(id, session.currentNumber(), onCurrent(session), target, clock.instant());
        room.moved(teamKey, id);
    }

    /** Moves by one item: +1 next, -1 previous. */
    @Transactional
    public void step(String teamKey, long id, int by, AccountId who) {
        var session = live(facilitator(teamKey, id, who), id);
        var entries = sessions.agenda(id);
        var index = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).itemNumber() == session.currentNumber()) {
                index = i;
            }
        }
        var target = Math.max(0, Math.min(entries.size() - 1, index + by));
        moveTo(teamKey, id, target + 1, who);
    }

    /**
     * Moves the current item to a phase. Entering the estimate opens a round in the room, unless one is open on the
     * item already: pre-votes cast before the meeting count.
     */
    @Transactional
    public void phase(String teamKey, long id, Phase phase, Account by) {
        var session = live(facilitator(teamKey, id, by.id()), id);
        sessions.phase(id, phase, clock.instant());
        if (phase == Phase.ESTIMATE) {
            var key = new ItemKey(teamKey, session.currentNumber()).toString();
            if (rounds.current(teamKey, key, by.id()).filter(round -> round.status() == Round.Status.VOTING).isEmpty()) {
                rounds.open(teamKey, key, by);
            }
        }
        room.changed(teamKey, id);
    }

    /** Anybody in the meeting asks a question on the current item. */
    @Transactional
    public void ask(String teamKey, long id, String question, Account by) {
        var membership = teams.find(teamKey, by.id());
        var session = live(membership, id);
        var text = question == null ? "" : question.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw Rejected.invalid("question", "Ask in 1 to 1,000 characters.");
        }
        sessions.ask(id, session.currentNumber(), by.displayName(), text, clock.instant());
        room.changed(teamKey, id);
    }

    /** Where an answer goes: nowhere else, the item's technical notes, a new acceptance criterion, or a follow-up task. */
    public enum Fold {
        NONE, NOTE, CRITERION, FOLLOW_UP
    }

    /** The facilitator answers a question and, in the same step, folds the answer into the task. */
    @Transactional
    public void answer(String teamKey, long id, long questionId, String answer, Fold fold, Account by) {
        var session = live(facilitator(teamKey, id, by.id()), id);
        var text = answer == null ? "" : answer.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw Rejected.invalid("answer", "Answer in 1 to 1,000 characters.");
        }
        var question = sessions.questions(id).stream().filter(q -> q.id() == questionId).findFirst()
            .orElseThrow(() -> new NotFound("No question " + questionId + " in this session."));
        var itemKey = new ItemKey(teamKey, question.itemNumber()).toString();
        switch (fold) {
            case NOTE -> {
                var item = items.find(teamKey, itemKey, by.id());
                var notes = item.content().technicalNotes();
                var added = (notes.isBlank() ? "" : notes + "\n\n") + "**Q:** " + question.text() + "\n**A:** " + text;
                items.edit(teamKey, itemKey, item.item().version(), dev.refinery.backlog.ItemPatch.empty().technicalNotes(added), by);
            }
            case CRITERION -> {
                var item = items.find(teamKey, itemKey, by.id());
                var criteria = new ArrayList<>(item.content().acceptanceCriteria());
                criteria.add(new dev.refinery.backlog.Criterion(text, false));
                items.edit(teamKey, itemKey, item.item().version(), dev.refinery.backlog.ItemPatch.empty().acceptanceCriteria(criteria), by);
            }
            case FOLLOW_UP -> items.followUp(teamKey, itemKey, truncate(text, ItemContent.TITLE_MAX), by);
            case NONE -> {
            }
        }
        if (!sessions.answer(id, questionId, text, fold.name().toLowerCase().replace('_', '-'), clock.instant())) {
            throw Rejected.conflict("answer", "This question has an answer already.");
        }
        room.changed(teamKey, id);
    }

    /**
     * Records how an item leaves the meeting. Skipping needs a reason; "needs design" creates the follow-up for a
     * design proposal; "removed" marks the item removed in the backlog.
     */
    @Transactional
    public void decide(String teamKey, long id, String itemKey, Outcome outcome, String note, Account by) {
        live(facilitator(teamKey, id, by.id()), id);
        var entry = sessions.agenda(id).stream().filter(e -> new ItemKey(teamKey, e.itemNumber()).toString().equals(itemKey))
            .findFirst().orElseThrow(() -> new NotFound(itemKey + " is not on this agenda."));
        var reason = note == null ? "" : note.strip();
        if (reason.length() > 1000) {
            throw Rejected.invalid("note", "A note has at most 1,000 characters.");
        }
        if (outcome == Outcome.SKIPPED && reason.isEmpty()) {
            throw Rejected.invalid("note", "Say why the item is skipped.");
        }
        var item = items.find(teamKey, itemKey, by.id());
        if (outcome == Outcome.ESTIMATED && (item.content().estimate() == null || !item.content().estimate().agreed())) {
            throw Rejected.invalid("outcome", itemKey + " has no estimate yet: agree on one in planning poker first.");
        }
        if (outcome == Outcome.NEEDS_DESIGN) {
            var title = "Design proposal: " + item.content().title();
            items.followUp(teamKey, itemKey, truncate(title, ItemContent.TITLE_MAX), by);
        }
        if (outcome == Outcome.REMOVED) {
            items.edit(teamKey, itemKey, item.item().version(),
                    dev.refinery.backlog.ItemPatch.empty().status(dev.refinery.backlog.Status.REMOVED), by);
        }
        sessions.outcome(id, entry.itemNumber(), outcome, reason.isEmpty() ? null : reason);
        room.changed(teamKey, id);
    }

    /**
     * An estimate agreed in planning poker during a live session is that item's outcome there; agreed on the current
     * item, the room moves on to its outcome phase.
     */
    @org.springframework.context.event.EventListener
    void on(dev.refinery.estimation.EstimateAgreed agreed) {
        for (var session : sessions.live(agreed.team())) {
            sessions.agenda(session.id()).stream()
                .filter(entry -> entry.itemNumber() == agreed.item().number() && entry.outcome() == null)
                .findFirst()
                .ifPresent(entry -> {
                    sessions.outcome(session.id(), entry.itemNumber(), Outcome.ESTIMATED, null);
                    if (session.currentNumber() != null && session.currentNumber() == entry.itemNumber()) {
                        sessions.phase(session.id(), Phase.OUTCOME, clock.instant());
                    }
                    room.changed(session.team(), session.id());
                });
        }
    }

    /** A task edited in place during a meeting (or anywhere) shows at once in the rooms where it is the current item. */
    @org.springframework.context.event.EventListener
    void on(dev.refinery.backlog.BacklogItemSaved saved) {
        for (var session : sessions.live(saved.team())) {
            if (session.currentNumber() != null && session.currentNumber() == saved.key().number()) {
                room.changed(session.team(), session.id());
            }
        }
    }

    /** Why a session cannot close yet: the reviewed items that have no outcome. */
    public List<String> undecided(String teamKey, long id, AccountId viewer) {
        var membership = teams.find(teamKey, viewer);
        session(membership, id);
        return sessions.agenda(id).stream().filter(e -> e.reviewed() && e.outcome() == null)
            .map(e -> new ItemKey(teamKey, e.itemNumber()).toString()).toList();
    }

    /**
     * Closes the meeting. Refused while a reviewed item has no outcome, unless the facilitator says why. Items
     * not reached and deferred items carry over to the next planned session of the workstream, or to a new one
     * a week later. Returns that session's id, if anything carried over.
     */
    @Transactional
    public java.util.Optional<Long> close(String teamKey, long id, String note, Account by) {
        var membership = facilitator(teamKey, id, by.id());
        var session = live(membership, id);
        var undecided = undecided(teamKey, id, by.id());
        var why = note == null ? "" : note.strip();
        if (!undecided.isEmpty() && why.isEmpty()) {
            throw Rejected.conflict("note", "Give every reviewed item an outcome first (" + String.join(", ", undecided)
                    + "), or say why the meeting closes without.");
        }
        if (!sessions.close(id, onCurrent(session), session.currentNumber(), why.isEmpty() ? null : why, clock.instant())) {
            throw Rejected.conflict("state", "The session is closed already.");
        }
        var carried = sessions.agenda(id).stream().filter(e -> !e.reviewed() || e.outcome() == Outcome.DEFERRED).toList();
        room.changed(teamKey, id);
        if (carried.isEmpty()) {
            return java.util.Optional.empty();
        }
        var team = membership.team().id().value();
        var next = sessions.nextPlanned(team, session.workstream(), id).map(RefinementSession::id)
            .orElseGet(() -> sessions.insert(team, teamKey, "Carry-over: " + truncate(session.title(), 100), session.workstream(),
                    session.goal(), session.startsAt().plus(java.time.Duration.ofDays(7)), session.durationMinutes(),
                    session.questionPauseSeconds(), session.facilitator(), session.facilitatorName()));
        var entries = new ArrayList<>(sessions.agenda(next));
        for (var entry : carried) {
            if (entries.stream().noneMatch(e -> e.itemNumber() == entry.itemNumber())) {
                entries.add(new RefinementSessionRepository.Entry(entry.itemId(), entry.itemNumber(), entries.size(), entry.timeBoxMinutes()));
            }
        }
        sessions.agenda(next, entries);
        return java.util.Optional.of(next);
    }

    /** The live room as this person sees it; being there makes them an attendee. */
    @Transactional
    public LiveRoom room(String teamKey, long id, Account viewer) {
        var membership = teams.find(teamKey, viewer.id());
        var session = session(membership, id);
        if (session.state() != SessionState.LIVE) {
            throw Rejected.conflict("state", "The session is not live.");
        }
        sessions.attend(id, viewer.id().value(), viewer.displayName());
        var agenda = agenda(teamKey, id, viewer.id());
        var index = 0;
        for (int i = 0; i < agenda.lines().size(); i++) {
            if (agenda.lines().get(i).item().key().number() == session.currentNumber()) {
                index = i;
            }
        }
        var current = agenda.lines().get(index);
        var now = clock.instant();
        var questions = sessions.questions(id).stream().filter(q -> q.itemNumber() == session.currentNumber()).toList();
        var facilitates = membership.facilitator() || session.facilitator() == viewer.id().value();
        return new LiveRoom(teamKey, session, agenda, current, questions,
                items.risks(teamKey, current.item().key().toString(), viewer.id()),
                Pacing.of(agenda.lines(), index, itemStart(session, now), now), facilitates,
                session.questionPauseSeconds(), session.phaseSince() == null ? 0 : session.phaseSince().toEpochMilli(), zone(), null);
    }

    /**
     * Orders the rest of a live meeting's agenda: the items not taken up yet, in the order given (their keys, each
     * once); the current item and those already reviewed keep their places ahead of them.
     */
    @Transactional
    public void reorderRest(String teamKey, long id, List<String> order, AccountId by) {
        var session = live(facilitator(teamKey, id, by), id);
        var entries = sessions.agenda(id);
        var done = entries.stream().filter(e -> e.reviewed() || e.itemNumber() == session.currentNumber()).toList();
        var rest = new HashMap<String, RefinementSessionRepository.Entry>();
        entries.stream().filter(e -> !done.contains(e)).forEach(e -> rest.put(new ItemKey(teamKey, e.itemNumber()).toString(), e));
        if (order.size() != rest.size() || !rest.keySet().equals(new java.util.HashSet<>(order))) {
            throw Rejected.conflict("order", "The agenda changed meanwhile: its rest is " + String.join(", ", rest.keySet().stream()
                .sorted().toList()) + ". Reload and order again.");
        }
        var ordered = new ArrayList<>(done);
        order.forEach(key -> ordered.add(rest.get(key)));
        sessions.keepAgenda(id, ordered);
        room.changed(teamKey, id);
    }

    /** Adds a new task without leaving the room: it goes into the backlog and to the end of the agenda. */
    @Transactional
    public void addTask(String teamKey, long id, String title, Account by) {
        var session = live(facilitator(teamKey, id, by.id()), id);
        var created = items.create(teamKey, dev.refinery.backlog.ItemPatch.empty().title(title).workstream(session.workstream()), by);
        var entries = new ArrayList<>(sessions.agenda(id));
        entries.add(new RefinementSessionRepository.Entry(created.item().id().value(), created.key().number(), entries.size(),
                defaultBox(teamKey, by.id())));
        sessions.keepAgenda(id, entries);
        room.changed(teamKey, id);
    }

    /** Splits the current item without leaving the room: the children go to the backlog, the outcome is "split". */
    @Transactional
    public void splitCurrent(String teamKey, long id, List<String> titles, Account by) {
        var session = live(facilitator(teamKey, id, by.id()), id);
        var key = new ItemKey(teamKey, session.currentNumber()).toString();
        var item = items.find(teamKey, key, by.id());
        items.split(teamKey, key, item.item().version(), titles, false, by);
        sessions.outcome(id, session.currentNumber(), Outcome.SPLIT, null);
        room.changed(teamKey, id);
    }

    // Guests.

    /** The session's active guest link, made on first use (facilitators). */
    @Transactional
    public String guestLink(String teamKey, long id, AccountId by) {
        facilitator(teamKey, id, by);
        return sessions.activeLink(id).orElseGet(() -> {
            var token = GuestLinks.newToken();
            sessions.link(id, token, clock.instant());
            return token;
        });
    }

    /** The guest link of the session if one is active, for its facilitators to show. */
    public java.util.Optional<String> activeGuestLink(String teamKey, long id, AccountId by) {
        facilitator(teamKey, id, by);
        return sessions.activeLink(id);
    }

    /**
     * Revokes the session's guest link: it opens nothing from now on, and in a live meeting its guests' seats leave
     * the table at once (their pages hear of it and stop).
     */
    @Transactional
    public void revokeGuestLink(String teamKey, long id, AccountId by) {
        var session = session(facilitator(teamKey, id, by), id);
        sessions.revokeLinks(id, clock.instant());
        if (session.state() == SessionState.LIVE) {
            rounds.republish(teamKey, session.currentNumber());
            room.changed(teamKey, id);
        }
    }

    /** The session a guest link opens; not found once revoked. */
    public RefinementSession guestSession(String token) {
        return sessions.byLink(token).orElseThrow(() -> new NotFound("This guest link does not open anything (any more)."));
    }

    /** The live room as a guest sees it: the current item, questions and pacing; no facilitation. */
    public LiveRoom guestRoom(String token) {
        var session = guestSession(token);
        if (session.state() != SessionState.LIVE) {
            throw Rejected.conflict("state", session.state() == SessionState.PLANNED ? "The meeting has not started yet."
                    : "The meeting is over.");
        }
        var entries = sessions.agenda(session.id());
        var lines = new ArrayList<AgendaLine>();
        var views = new HashMap<Integer, ItemView>();
        var facilitator = new AccountId(session.facilitator());
        items.find(session.team(), entries.stream().map(entry -> new BacklogItemId(entry.itemId())).toList(), facilitator)
            .forEach(view -> views.put(view.key().number(), view));
        var index = 0;
        for (var entry : entries) {
            var view = views.get(entry.itemNumber());
            if (view != null) {
                if (entry.itemNumber() == session.currentNumber()) {
                    index = lines.size();
                }
                lines.add(new AgendaLine(lines.size() + 1, view, entry.timeBoxMinutes(), null, entry.spentSeconds(),
                        entry.reviewed(), entry.outcome(), entry.outcomeNote(), entry.queueBefore()));
            }
        }
        var agenda = new Agenda(session, lines);
        var current = lines.get(index);
        var now = clock.instant();
        var questions = sessions.questions(session.id()).stream().filter(q -> q.itemNumber() == session.currentNumber()).toList();
        return new LiveRoom(session.team(), session, agenda, current, questions,
                items.risks(session.team(), current.item().key().toString(), facilitator),
                Pacing.of(lines, index, itemStart(session, now), now), false, session.questionPauseSeconds(),
                session.phaseSince() == null ? 0 : session.phaseSince().toEpochMilli(), zone(), token);
    }

    /** A guest asks a question on the current item, under the name they gave. */
    @Transactional
    public void askAsGuest(String token, String name, String question) {
        var session = guestSession(token);
        if (session.state() != SessionState.LIVE) {
            throw Rejected.conflict("state", "The meeting is not live.");
        }
        var text = question == null ? "" : question.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw Rejected.invalid("question", "Ask in 1 to 1,000 characters.");
        }
        sessions.ask(session.id(), session.currentNumber(), name + " (guest)", text, clock.instant());
        room.changed(session.team(), session.id());
    }

    /** The summary of a closed session. */
    public SessionSummary summary(String teamKey, long id, AccountId viewer) {
        var membership = teams.find(teamKey, viewer);
        var session = session(membership, id);
        var agenda = agenda(teamKey, id, viewer);
        var positions = new java.util.HashMap<Integer, Integer>();
        var queue = queues.all(teamKey, viewer);
        for (int i = 0; i < queue.size(); i++) {
            positions.put(queue.get(i).item().key().number(), i + 1);
        }
        var questions = sessions.questions(id);
        var daysPerPoint = models.of(teamKey, viewer).daysPerPoint();
        var points = java.math.BigDecimal.ZERO;
        var days = java.math.BigDecimal.ZERO;
        var lines = new ArrayList<SessionSummary.Line>();
        var carried = new ArrayList<String>();
        for (var line : agenda.lines()) {
            var key = line.item().key().toString();
            if (!line.reviewed() || line.outcome() == Outcome.DEFERRED) {
                carried.add(key);
            }
            if (!line.reviewed()) {
                continue;
            }
            var estimate = line.item().content().estimate();
            if (line.outcome() == Outcome.ESTIMATED && estimate != null && estimate.agreed()) {
                if (estimate.unit() == dev.refinery.backlog.Estimate.Unit.POINTS) {
                    points = points.add(estimate.value());
                }
                else {
                    days = days.add(estimate.value());
                }
            }
            var spread = rounds.rounds(teamKey, key, viewer).stream().filter(Round::revealed).findFirst()
                .map(round -> round.statistics().spread()).orElse(null);
            lines.add(new SessionSummary.Line(key, line.item().content().title(), line.outcome(), line.outcomeNote(), estimate,
                    spread, items.risks(teamKey, key, viewer),
                    questions.stream().filter(q -> q.itemNumber() == line.item().key().number()).toList(),
                    items.related(teamKey, key, viewer), line.queueBefore(), positions.get(line.item().key().number())));
        }
        return new SessionSummary(session, sessions.attendees(id), lines, points, days,
                days.add(points.multiply(daysPerPoint)).stripTrailingZeros(), session.state() == SessionState.CLOSED ? carried : List.of());
    }

    private static Instant itemStart(RefinementSession session, Instant now) {
        return session.itemSince() == null ? now : session.itemSince();
    }

    private long onCurrent(RefinementSession session) {
        return session.itemSince() == null ? 0 : java.time.Duration.between(session.itemSince(), clock.instant()).toSeconds();
    }

    private Membership facilitator(String teamKey, long id, AccountId by) {
        var membership = teams.find(teamKey, by);
        var session = session(membership, id);
        if (!membership.facilitator() && session.facilitator() != by.value()) {
            throw new Forbidden("Only the session's facilitator (or a facilitator of the team) runs the meeting.");
        }
        return membership;
    }

    private RefinementSession live(Membership membership, long id) {
        var session = session(membership, id);
        if (session.state() != SessionState.LIVE) {
            throw Rejected.conflict("state", session.state() == SessionState.PLANNED ? "The session has not started yet."
                    : "The session is closed.");
        }
        return session;
    }

    private static String truncate(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        // never half an emoji: a lone surrogate is stored as '?'
        return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
    }
}
