package dev.refinery.meeting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItemId;
import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemView;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.AuditKind;
import dev.refinery.identity.AuditLog;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * Guest links of a session: its facilitators make and revoke them; a guest's link opens the live room as a guest sees
 * it (the current item, questions and pacing, no facilitation) until it is revoked, which also ends their seats.
 */
@Component
public class GuestAccess {

    private final RefinementSessionRepository sessions;
    private final SessionAccess access;
    private final BacklogItems items;
    private final PokerRounds rounds;
    private final SessionRoomEvents room;
    private final Clock clock;
    private final AuditLog audit;

    GuestAccess(RefinementSessionRepository sessions, SessionAccess access, BacklogItems items, PokerRounds rounds,
            SessionRoomEvents room, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.access = access;
        this.items = items;
        this.rounds = rounds;
        this.room = room;
        this.clock = clock;
    }

    /** The session's active guest link, made on first use (facilitators). */
    @Transactional
    public String guestLink(String teamKey, long id, AccountId by) {
        access.facilitator(teamKey, id, by);
        return sessions.activeLink(id).orElseGet(() -> {
            var token = GuestLinks.newToken();
            sessions.link(id, token, clock.instant());
            audit.record(AuditKind.GUEST_LINK_CREATED, "Session " + id + " of " + teamKey);
            return token;
        });
    }

    /** The guest link of the session if one is active, for its facilitators to show. */
    public java.util.Optional<String> activeGuestLink(String teamKey, long id, AccountId by) {
        access.facilitator(teamKey, id, by);
        return sessions.activeLink(id);
    }

    /**
     * Revokes the session's guest link: it opens nothing from now on, and in a live meeting its guests' seats leave
     * the table at once (their pages hear of it and stop).
     */
    @Transactional
    public void revokeGuestLink(String teamKey, long id, AccountId by) {
        var session = access.session(access.facilitator(teamKey, id, by), id);
        if (sessions.revokeLinks(id, clock.instant()) > 0) {
            audit.record(AuditKind.GUEST_LINK_REVOKED, "Session " + id + " of " + teamKey + ": " + session.title());
        }
        if (session.state() == SessionState.LIVE) {
            rounds.republish(teamKey, session.currentNumber());
            room.changed(teamKey, id);
        }
    }

    /** The session a guest link opens; not found once revoked. */
    public RefinementSession guestSession(String token) {
        return sessions.byLink(token).orElseThrow(() -> new NotFound("This guest link does not open anything (any more)."));
    }

    /** A guest in the live room is an attendee of the session, named as a guest in its summary. */
    void attend(String token, GuestSeats.Seat seat) {
        var session = guestSession(token);
        if (session.state() == SessionState.LIVE) {
            sessions.attend(session.id(), seat.voter(), seat.name() + " (guest)");
        }
    }

    /** The live room as a guest sees it: the current item, questions and pacing; no facilitation. */
    public LiveRoom guestRoom(String token) {
        var readAt = System.currentTimeMillis();
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
                Pacing.of(lines, index, LiveMeetings.itemStart(session, now), now), false, session.questionPauseSeconds(),
                session.phaseSince() == null ? 0 : session.phaseSince().toEpochMilli(), clock.getZone(), token, readAt);
    }

}
