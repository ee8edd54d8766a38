package dev.refinery.estimation;

import java.util.List;

/** What one person sees of their own part in a round: their cards, their pick, the facilitator's buttons. */
public record PokerHand(String url, long round, boolean voter, boolean open, List<Card> cards, Card mine, boolean askWhy,
        boolean facilitator, boolean revealedNotAgreed, Card suggested, List<Card> deck, String error) {
}
