package dev.refinery.meeting;

import org.springframework.stereotype.Component;

import dev.refinery.identity.AccountId;
import dev.refinery.identity.Membership;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/** Who may do what with a session: it must be their team's, and running it is its facilitator's (or the team's facilitators'). */
@Component
class SessionAccess {

    private final RefinementSessionRepository sessions;
    private final Teams teams;

    SessionAccess(RefinementSessionRepository sessions, Teams teams) {
        this.sessions = sessions;
        this.teams = teams;
    }

    RefinementSession session(Membership membership, long id) {
        return sessions.find(membership.team().id().value(), id)
            .orElseThrow(() -> new NotFound("No session " + id + " in " + membership.team().key() + "."));
    }

    Membership facilitator(String teamKey, long id, AccountId by) {
        var membership = teams.find(teamKey, by);
        var session = session(membership, id);
        if (!membership.facilitator() && session.facilitator() != by.value()) {
            throw new Forbidden("Only the session's facilitator (or a facilitator of the team) runs the meeting.");
        }
        return membership;
    }

    RefinementSession live(Membership membership, long id) {
        var session = session(membership, id);
        if (session.state() != SessionState.LIVE) {
            throw Rejected.conflict("state", session.state() == SessionState.PLANNED ? "The session has not started yet."
                    : "The session is closed.");
        }
        return session;
    }
}
