package dev.refinery.meeting;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.refinery.shared.VotingWindows;

/** Votes on the current item of a live session are closed for the first seconds of its questions phase. */
@Component
class QuestionPauses implements VotingWindows {

    private final RefinementSessionRepository sessions;
    private final Clock clock;

    QuestionPauses(RefinementSessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Optional<String> closed(long team, int itemNumber) {
        for (var session : sessions.live(team)) {
            if (session.phase() == Phase.QUESTIONS && session.currentNumber() != null && session.currentNumber() == itemNumber
                    && session.phaseSince() != null) {
                var left = session.questionPauseSeconds() - Duration.between(session.phaseSince(), clock.instant()).toSeconds();
                if (left > 0) {
                    return Optional.of("Voting opens in " + left + " s: the team re-reads the task in silence first.");
                }
            }
        }
        return Optional.empty();
    }
}
