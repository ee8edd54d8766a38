package dev.refinery.shared;

import java.time.Instant;
import java.util.List;

/**
 * How well a team's refinement keeps up: how much of the top of its queue is ready, and what its last closed
 * sessions got through. The reporting module answers, so that the team page can show it without knowing reports.
 */
public interface RefinementHealth {

    /** The health of a team; the caller has already checked that the viewer may see the team. */
    Health of(String team, long viewer);

    /** Ready and not-ready items among the first {@code top} of the queue, and the last closed sessions, newest first. */
    record Health(int top, int ready, int notReady, List<Session> sessions) {

        public Health {
            sessions = List.copyOf(sessions);
        }
    }

    /**
     * A closed session: the items it reviewed, how many got an estimate, the average minutes spent per reviewed item
     * against the average time box, and how many left with an outcome.
     */
    record Session(String title, Instant startedAt, int reviewed, int estimated, double minutesPerItem,
            double timeBoxPerItem, int withOutcome) {

        public int outcomePercent() {
            return reviewed == 0 ? 0 : Math.round(100f * withOutcome / reviewed);
        }
    }
}
