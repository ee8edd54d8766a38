package dev.refinery.estimation;

import dev.refinery.backlog.ItemView;

/**
 * The poker room of an item: the item as voters should see it, the team's scale, the table, the viewer's hand, and
 * once revealed the similar items and the suggestion.
 */
public record PokerPage(String team, String teamName, ItemView item, boolean hideAnchors, Scale scale, PokerBoard board,
        PokerHand hand, EstimateHints.Hints hints) {

    public String liveUrl() {
        return "/teams/" + team + "/live/poker-" + item.key().number();
    }

    /** Anchoring hygiene: the previous estimate stays hidden from voters until the cards are revealed. */
    public boolean showEstimate() {
        return !hideAnchors || board.revealed() || board.noRound();
    }
}
