package dev.refinery.meeting;

import org.springframework.stereotype.Component;

import dev.refinery.backlog.ItemKey;
import dev.refinery.estimation.EstimateHints;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.identity.Account;
import dev.refinery.shared.Rejected;

/**
 * The poker table in a meeting's room: the current item's board as everyone sees it, and the viewer's own hand,
 * whose forms post to planning poker (a member) or to the guest's link (a guest).
 */
@Component
class RoomTables {

    private final RefinementSessions sessions;
    private final LiveMeetings live;
    private final GuestAccess guests;
    private final PokerRounds rounds;
    private final EstimateHints hints;

    RoomTables(RefinementSessions sessions, LiveMeetings live, GuestAccess guests, PokerRounds rounds, EstimateHints hints) {
        this.sessions = sessions;
        this.live = live;
        this.guests = guests;
        this.rounds = rounds;
        this.hints = hints;
    }

    RoomTable of(String team, long id, Account viewer) {
        var session = sessions.find(team, id, viewer.id());
        var key = current(session);
        return new RoomTable(rounds.board(team, key.toString(), viewer.id()),
                rounds.hand(team, key.toString(), viewer.id(), "/teams/" + team + "/items/" + key + "/poker", null),
                "/teams/" + team + "/sessions/" + id, rounds.scale(team, viewer.id()),
                hints.afterReveal(team, key.toString(), viewer.id()).orElse(null), true);
    }

    RoomTable ofGuest(String token, GuestSeats.Seat seat, String error) {
        var session = guests.guestSession(token);
        var key = current(session);
        return new RoomTable(rounds.meetingBoard(session.team(), key.number()),
                rounds.guestHand(session.team(), key.toString(), seat.voter(), "/guest/" + token + "/poker", error),
                "/guest/" + token, rounds.meetingScale(session.team()), hints.atMeeting(session.team(), key.number()).orElse(null),
                false);
    }

    /** Similar items and the suggestion of the current item once its round is revealed; null before. */
    EstimateHints.Hints hintsOf(String team, long id, Account viewer) {
        var key = current(sessions.find(team, id, viewer.id()));
        return hints.afterReveal(team, key.toString(), viewer.id()).orElse(null);
    }

    /** The same for a guest, whose link the caller has checked. */
    EstimateHints.Hints guestHints(String token) {
        var session = guests.guestSession(token);
        return hints.atMeeting(session.team(), current(session).number()).orElse(null);
    }

    /** The item a live meeting is on; refused once the meeting is not live. */
    static ItemKey current(RefinementSession session) {
        if (session.state() != SessionState.LIVE || session.currentNumber() == null) {
            throw Rejected.conflict("state", "The meeting is not live.");
        }
        return new ItemKey(session.team(), session.currentNumber());
    }
}
