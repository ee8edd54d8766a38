package dev.refinery.estimation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.refinery.backlog.ItemKey;
import dev.refinery.shared.Rejected;

/** A round of planning poker on one item: hidden votes until the reveal, then an agreed card. */
public record Round(long id, ItemKey item, Status status, boolean shown, Deck deck, List<Vote> votes, Card agreed,
        String openedBy, Instant openedAt) {

    public enum Status {
        VOTING, REVEALED, AGREED, CLOSED;

        public String code() {
            return name().toLowerCase();
        }
    }

    public Round {
        votes = List.copyOf(votes);
    }

    Round cast(Vote vote) {
        if (status != Status.VOTING) {
            throw Rejected.conflict("card", "The cards of this round are revealed: votes are closed. Start a re-vote to vote again.");
        }
        var others = votes.stream().filter(v -> v.voter() != vote.voter());
        return new Round(id, item, status, shown, deck, Stream.concat(others, Stream.of(vote)).toList(), agreed, openedBy,
                openedAt);
    }

    /** Whether its cards have been shown: revealed, agreed, or closed by a re-vote after the reveal. */
    public boolean revealed() {
        return shown || status == Status.REVEALED || status == Status.AGREED;
    }

    public Optional<Vote> voteOf(long voter) {
        return votes.stream().filter(vote -> vote.voter() == voter).findFirst();
    }

    public Statistics statistics() {
        return Statistics.of(votes, deck);
    }
}
