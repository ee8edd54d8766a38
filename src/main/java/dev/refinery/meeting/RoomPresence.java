package dev.refinery.meeting;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.refinery.estimation.PokerRounds;
import dev.refinery.shared.PresenceChanged;

/**
 * People came to or left a meeting's room: the seats of its poker table show it, and a round whose present voters
 * have all voted reveals, as on the item's own poker page.
 */
@Component
class RoomPresence {

    private final RefinementSessionRepository sessions;
    private final PokerRounds rounds;

    RoomPresence(RefinementSessionRepository sessions, PokerRounds rounds) {
        this.sessions = sessions;
        this.rounds = rounds;
    }

    @EventListener
    void on(PresenceChanged changed) {
        SessionRoomEvents.session(changed.room())
            .flatMap(sessions::byId)
            .filter(session -> session.state() == SessionState.LIVE && session.currentNumber() != null)
            .ifPresent(session -> rounds.seatsChanged(session.team(), session.currentNumber(), changed.accounts()));
    }
}
