package dev.refinery.estimation;

/** One voter's card in a round; only shown to anyone once the round is revealed. */
public record Vote(long voter, String name, Card card) {
}
