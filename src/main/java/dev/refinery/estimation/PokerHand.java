package dev.refinery.estimation;

import java.util.List;

/** What one person sees of their own part in a round: their cards, their pick, the facilitator's buttons. */
public record PokerHand(String url, long round, boolean voter, boolean open, List<Card> cards, Card mine, boolean askWhy,
        boolean facilitator, boolean revealedNotAgreed, Card suggested, List<Card> deck, String error, long readAt) {

    /** No round on the item yet. */
    static PokerHand none(String url, boolean facilitator, String error, long readAt) {
        return new PokerHand(url, 0, false, false, List.of(), null, false, facilitator, false, null, List.of(), error, readAt);
    }

    /**
     * When this hand was read, in milliseconds (taken before reading): a page swaps in a hand only if it is not older
     * than the one it shows, so that a refetch overtaken by one's own vote never undoes it.
     */
    public long rendered() {
        return readAt;
    }

    /** Where a voter stands in the round, in a few words: what they are to do next. */
    public String state() {
        if (open) {
            return mine == null ? "Your turn: pick a card" : "You voted " + mine.face() + ": waiting for the reveal";
        }
        return mine == null ? "Revealed: you did not vote" : "Revealed: you played " + mine.face();
    }
}
