package dev.refinery.estimation;

import dev.refinery.shared.FieldErrors;

/** The planning poker settings page, as the form shows and sends it. */
public record PokerSettingsPage(String team, String teamName, String kind, String numbers, String unit, boolean autoReveal,
        boolean hideAnchors, boolean pmVotes, int version, boolean canChange, FieldErrors errors, boolean saved) {

    public Deck.Kind[] kinds() {
        return Deck.Kind.values();
    }
}
