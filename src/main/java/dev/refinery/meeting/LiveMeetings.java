package dev.refinery.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemContent;
import dev.refinery.backlog.ItemKey;
import dev.refinery.backlog.Status;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.estimation.Round;
import dev.refinery.identity.Account;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Teams;
import dev.refinery.prioritization.PriorityQueues;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * A meeting while it is live: the facilitator starts it, moves through the agenda and each item's phases (entering the
 * estimate opens the room's poker round), records outcomes, adds and splits tasks and orders the rest of the agenda
 * without leaving the room, and closes it; an agreed estimate and an edited task show in the room at once.
 */
@Component
public class LiveMeetings {

    private final RefinementSessionRepository sessions;
    private final SessionAccess access;
    private final RefinementSessions plans;
    private final Teams teams;
    private final BacklogItems items;
    private final PriorityQueues queues;
    private final PokerRounds rounds;
    private final SessionRoomEvents room;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LiveMeetings(RefinementSessionRepository sessions, SessionAccess access, RefinementSessions plans, Teams teams, BacklogItems items, PriorityQueues queues, PokerRounds rounds, SessionRoomEvents room, Clock clock,
            ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.access = access;
        this.plans = plans;
        this.teams = teams;
        this.items = items;
        this.queues = queues;
        this.rounds = rounds;
        this.room = room;
        this.clock = clock;
        this.events = events;
    }

    /** Starts the meeting on the first item of its agenda; the agenda's places in the queue are kept. */
    @Transactional
    public void start(String teamKey, long id, AccountId by) {
        var membership = access.facilitator(teamKey, id, by);
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
        if (!sessions.start(access.session(membership, id).id(), entries.getFirst().itemNumber(), clock.instant(), onAgenda)) {
            throw Rejected.conflict("state", "The session has started already.");
        }
        room.moved(teamKey, id);
    }

    /** Takes up the agenda's item at this position (1-based); the time spent on the one left is kept. */
    @Transactional
    public void moveTo(String teamKey, long id, int position, AccountId by) {
        var session = access.live(access.facilitator(teamKey, id, by), id);
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
        var session = access.live(access.facilitator(teamKey, id, who), id);
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
        var session = access.live(access.facilitator(teamKey, id, by.id()), id);
        sessions.phase(id, phase, clock.instant());
        if (phase == Phase.ESTIMATE) {
            var key = new ItemKey(teamKey, session.currentNumber()).toString();
            if (rounds.current(teamKey, key, by.id()).filter(round -> round.status() == Round.Status.VOTING).isEmpty()) {
                rounds.open(teamKey, key, by);
            }
        }
        room.changed(teamKey, id);
    }


    /**
     * Records how an item leaves the meeting. Skipping needs a reason; "needs design" creates the follow-up for a
     * design proposal; "removed" marks the item removed in the backlog.
     */
    @Transactional
    public void decide(String teamKey, long id, String itemKey, Outcome outcome, String note, Account by) {
        access.live(access.facilitator(teamKey, id, by.id()), id);
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
        access.session(membership, id);
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
        var membership = access.facilitator(teamKey, id, by.id());
        var session = access.live(membership, id);
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
            events.publishEvent(new SessionClosed(membership.team().id().value(), teamKey, id, session.title(), java.util.Optional.empty()));
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
        events.publishEvent(new SessionClosed(team, teamKey, id, session.title(), java.util.Optional.of(next)));
        return java.util.Optional.of(next);
    }

    /** The live room as this person sees it; being there makes them an attendee. */
    @Transactional
    public LiveRoom room(String teamKey, long id, Account viewer) {
        var readAt = System.currentTimeMillis();
        var membership = teams.find(teamKey, viewer.id());
        var session = access.session(membership, id);
        if (session.state() != SessionState.LIVE) {
            throw Rejected.conflict("state", "The session is not live.");
        }
        sessions.attend(id, viewer.id().value(), viewer.displayName());
        var agenda = plans.agenda(teamKey, id, viewer.id());
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
                session.questionPauseSeconds(), session.phaseSince() == null ? 0 : session.phaseSince().toEpochMilli(), clock.getZone(), null,
                readAt);
    }

    /**
     * Orders the rest of a live meeting's agenda: the items not taken up yet, in the order given (their keys, each
     * once); the current item and those already reviewed keep their places ahead of them.
     */
    @Transactional
    public void reorderRest(String teamKey, long id, List<String> order, AccountId by) {
        var session = access.live(access.facilitator(teamKey, id, by), id);
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
        var session = access.live(access.facilitator(teamKey, id, by.id()), id);
        var created = items.create(teamKey, dev.refinery.backlog.ItemPatch.empty().title(title).workstream(session.workstream()), by);
        var entries = new ArrayList<>(sessions.agenda(id));
        entries.add(new RefinementSessionRepository.Entry(created.item().id().value(), created.key().number(), entries.size(),
                plans.defaultBox(teamKey, by.id())));
        sessions.keepAgenda(id, entries);
        room.changed(teamKey, id);
    }

    /** Splits the current item without leaving the room: the children go to the backlog, the outcome is "split". */
    @Transactional
    public void splitCurrent(String teamKey, long id, List<String> titles, Account by) {
        var session = access.live(access.facilitator(teamKey, id, by.id()), id);
        var key = new ItemKey(teamKey, session.currentNumber()).toString();
        var item = items.find(teamKey, key, by.id());
        items.split(teamKey, key, item.item().version(), titles, false, by);
        sessions.outcome(id, session.currentNumber(), Outcome.SPLIT, null);
        room.changed(teamKey, id);
    }


    static Instant itemStart(RefinementSession session, Instant now) {
        return session.itemSince() == null ? now : session.itemSince();
    }

    private long onCurrent(RefinementSession session) {
        return session.itemSince() == null ? 0 : java.time.Duration.between(session.itemSince(), clock.instant()).toSeconds();
    }

    static String truncate(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        // never half an emoji: a lone surrogate is stored as '?'
        return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
    }
}
