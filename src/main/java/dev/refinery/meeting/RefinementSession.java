package dev.refinery.meeting;

import java.time.Instant;

/**
 * A refinement meeting of a team: what it refines (a workstream, a goal in a sentence), when and for how
 * long, who facilitates it (any member may), and where it stands.
 */
public record RefinementSession(long id, String team, String title, String workstream, String goal, Instant startsAt,
        int durationMinutes, long facilitator, String facilitatorName, SessionState state, int version) {
}
