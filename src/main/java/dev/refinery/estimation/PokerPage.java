package dev.refinery.estimation;

import dev.refinery.backlog.ItemView;

/** The poker room of an item: the item as voters should see it, the table, and the viewer's hand. */
public record PokerPage(String team, String teamName, ItemView item, boolean hideAnchors, PokerBoard board, PokerHand hand,
        EstimateHints.Hints hints) {

    public String liveUrl() {
        return "/teams/" + team + "/live/poker-" + item.key().number();
    }

    /** Anchoring hygiene: the previous estimate stays hidden from voters until the cards are revealed. */
    public boolean showEstimate() {
        return !hideAnchors || board.revealed() || board.noRound();
    }
}
