package dev.refinery.estimation;

import java.util.List;

import dev.refinery.backlog.ItemKey;

/**
 * The table of an item's planning poker, the same for everyone: the round, the seats, and after the reveal
 * the cards and the statistics. Before the reveal it holds no card at all, so it cannot leak one. It is shown in
 * its live {@code rooms}: the item's poker page, and the room of a meeting whose current item it is.
 */
public record PokerBoard(String team, ItemKey item, Round.Status status, long round, int votes, List<Seat> seats,
        Statistics statistics, Card agreed, String unit, List<String> rooms) {

    public boolean open() {
        return status == Round.Status.VOTING;
    }

    public boolean revealed() {
        return status == Round.Status.REVEALED || status == Round.Status.AGREED;
    }

    public boolean noRound() {
        return status == null;
    }

    /** "3 pt", or "M = 5 pt" for a T-shirt size. */
    public String agreedEstimate() {
        var value = Deck.face(agreed.value()) + " " + unit;
        return agreed.face().equals(Deck.face(agreed.value())) ? value : agreed.face() + " = " + value;
    }

    public long voters() {
        return seats.stream().filter(Seat::voter).count();
    }
}
