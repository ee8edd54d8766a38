package dev.refinery.meeting;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItemId;
import dev.refinery.backlog.BacklogItems;
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
    /** The silent pause before questions when neither the session nor the team says otherwise. */
    static final int QUESTION_PAUSE_SECONDS = 20;

    private final RefinementSessionRepository sessions;
    private final Teams teams;
    private final BacklogItems items;
    private final Workstreams workstreams;
    private final PriorityQueues queues;
    private final PokerRounds rounds;
    private final SessionAccess access;
    private final Clock clock;

    RefinementSessions(RefinementSessionRepository sessions, Teams teams, BacklogItems items, Workstreams workstreams,
            PriorityQueues queues, PokerRounds rounds, SessionAccess access, Clock clock) {
        this.sessions = sessions;
        this.teams = teams;
        this.items = items;
        this.workstreams = workstreams;
        this.queues = queues;
        this.rounds = rounds;
        this.access = access;
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

    int defaultBox(String teamKey, AccountId viewer) {
        return defaults(teamKey, viewer).timeBoxMinutes();
    }

    public List<RefinementSession> of(String teamKey, AccountId viewer) {
        return sessions.of(teams.find(teamKey, viewer).team().id().value());
    }

    public RefinementSession find(String teamKey, long id, AccountId viewer) {
        return access.session(teams.find(teamKey, viewer), id);
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
        return access.session(membership, id);
    }

    /** The agenda with each item's readiness and its pre-vote, in order. */
    public Agenda agenda(String teamKey, long id, AccountId viewer) {
        var membership = teams.find(teamKey, viewer);
        var session = access.session(membership, id);
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
        sessions.agenda(access.session(membership, id).id(), entries);
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
        var session = access.session(membership, id);
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
        var onAgenda = sessions.agenda(access.session(teams.find(teamKey, viewer), id).id()).stream()
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
        var session = access.session(membership, id);
        return session.state() == SessionState.PLANNED && (membership.facilitator() || session.facilitator() == viewer.value());
    }

    private Membership editor(String teamKey, long id, AccountId by) {
        var membership = teams.find(teamKey, by);
        var session = access.session(membership, id);
        if (!membership.facilitator() && session.facilitator() != by.value()) {
            throw new Forbidden("Only the session's facilitator (or a facilitator of the team) changes its agenda.");
        }
        if (session.state() != SessionState.PLANNED) {
            throw Rejected.conflict("item", "The session has started: its agenda is fixed.");
        }
        return membership;
    }

    ZoneId zone() {
        return clock.getZone();
    }

}
