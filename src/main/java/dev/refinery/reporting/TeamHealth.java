package dev.refinery.reporting;

import java.util.ArrayList;
import java.util.Comparator;

import org.springframework.stereotype.Component;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.identity.AccountId;
import dev.refinery.meeting.Outcome;
import dev.refinery.meeting.RefinementSessions;
import dev.refinery.meeting.SessionState;
import dev.refinery.prioritization.PriorityQueues;
import dev.refinery.shared.RefinementHealth;

/** Refinement health for the team page: the readiness of the queue's top 20 and the last 8 closed sessions. */
@Component
class TeamHealth implements RefinementHealth {

    static final int TOP = 20;
    static final int SESSIONS = 8;

    private final PriorityQueues queues;
    private final BacklogItems items;
    private final RefinementSessions sessions;

    TeamHealth(PriorityQueues queues, BacklogItems items, RefinementSessions sessions) {
        this.queues = queues;
        this.items = items;
        this.sessions = sessions;
    }

    @Override
    public Health of(String team, long viewer) {
        var account = new AccountId(viewer);
        var top = queues.all(team, account).stream().limit(TOP).map(ranked -> ranked.item().id()).toList();
        var ready = (int) items.find(team, top, account).stream().filter(view -> view.readiness().ready()).count();
        var closed = sessions.of(team, account).stream()
            .filter(session -> session.state() == SessionState.CLOSED && session.startedAt() != null)
            .sorted(Comparator.comparing(dev.refinery.meeting.RefinementSession::startedAt).reversed())
            .limit(SESSIONS)
            .toList();
        var lines = new ArrayList<Session>();
        for (var session : closed) {
            var reviewed = sessions.agenda(team, session.id(), account).lines().stream().filter(line -> line.reviewed()).toList();
            var count = reviewed.size();
            lines.add(new Session(session.title(), session.startedAt(), count,
                    (int) reviewed.stream().filter(line -> line.outcome() == Outcome.ESTIMATED).count(),
                    count == 0 ? 0 : reviewed.stream().mapToInt(line -> line.spentSeconds()).sum() / 60.0 / count,
                    count == 0 ? 0 : reviewed.stream().mapToInt(line -> line.timeBoxMinutes()).sum() / (double) count,
                    (int) reviewed.stream().filter(line -> line.outcome() != null).count()));
        }
        return new Health(top.size(), ready, top.size() - ready, lines);
    }
}
