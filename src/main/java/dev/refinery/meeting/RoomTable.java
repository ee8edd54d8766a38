package dev.refinery.meeting;

import dev.refinery.estimation.PokerBoard;
import dev.refinery.estimation.PokerHand;

/**
 * The poker table in a meeting's room as one person sees it: the current item's board, the same for everyone, and
 * their own hand. {@code url} is the room's address, under which the page fetches the table again.
 */
public record RoomTable(PokerBoard board, PokerHand hand, String url) {
}
