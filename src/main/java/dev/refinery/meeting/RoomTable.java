package dev.refinery.meeting;

import dev.refinery.estimation.EstimateHints;
import dev.refinery.estimation.PokerBoard;
import dev.refinery.estimation.PokerHand;
import dev.refinery.estimation.Scale;

/**
 * The poker table in a meeting's room as one person sees it: the current item's board, the same for everyone, their
 * own hand, the team's scale, and once the round is revealed the similar items and the suggestion ({@code hints}, null
 * before). {@code url} is the room's address, under which the page fetches the table again; {@code links} is false for
 * guests, who cannot open the team's items.
 */
public record RoomTable(PokerBoard board, PokerHand hand, String url, Scale scale, EstimateHints.Hints hints, boolean links) {
}
