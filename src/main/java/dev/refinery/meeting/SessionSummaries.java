package dev.refinery.meeting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.estimation.Round;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Teams;
import dev.refinery.prioritization.PriorityQueues;
import dev.refinery.prioritization.ScoringModels;

/** What came of a session: each reviewed item's outcome, estimate, spread, risks, questions and queue move, and the totals. */
@Component
public class SessionSummaries {

    private final RefinementSessionRepository sessions;
    private final SessionAccess access;
    private final RefinementSessions plans;
    private final Teams teams;
    private final BacklogItems items;
    private final PriorityQueues queues;
    private final PokerRounds rounds;
    private final ScoringModels models;

    SessionSummaries(RefinementSessionRepository sessions, SessionAccess access, RefinementSessions plans, Teams teams, BacklogItems items, PriorityQueues queues, PokerRounds rounds, ScoringModels models) {
        this.sessions = sessions;
        this.access = access;
        this.plans = plans;
        this.teams = teams;
        this.items = items;
        this.queues = queues;
        this.rounds = rounds;
        this.models = models;
    }

    /** The summary of a closed session. */
    public SessionSummary summary(String teamKey, long id, AccountId viewer) {
        var membership = teams.find(teamKey, viewer);
        var session = access.session(membership, id);
        var agenda = plans.agenda(teamKey, id, viewer);
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

}
