package dev.refinery.meeting;

import java.time.Instant;

/**
 * A refinement meeting of a team: what it refines (a workstream, a goal in a sentence), when and for how
 * long, who facilitates it (any member may), where it stands, and while live, the current item and phase.
 */
public record RefinementSession(long id, String team, String title, String workstream, String goal, Instant startsAt,
        int durationMinutes, int questionPauseSeconds, long facilitator, String facilitatorName, SessionState state,
        Instant startedAt,
        Instant closedAt, String closeNote, Integer currentNumber, Instant itemSince, Phase phase, Instant phaseSince,
        int version) {

    public boolean live() {
        return state == SessionState.LIVE;
    }
}
