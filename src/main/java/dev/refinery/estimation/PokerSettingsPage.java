package dev.refinery.estimation;

import java.util.List;

import dev.refinery.shared.FieldErrors;

/** The planning poker settings page, as the form shows and sends it. */
public record PokerSettingsPage(String team, String teamName, String kind, String numbers, String unit, boolean autoReveal,
        boolean hideAnchors, boolean pmVotes, boolean suggest, List<ReferenceRow> references, int version, boolean canChange,
        FieldErrors errors, boolean saved) {

    /** A card of the deck and its reference stories' keys as written ("PAY-12, PAY-40"). */
    public record ReferenceRow(String card, String items) {
    }

    public PokerSettingsPage {
        references = List.copyOf(references);
    }

    public Deck.Kind[] kinds() {
        return Deck.Kind.values();
    }

    public String referenceError(String card) {
        return errors.get(ReferenceStories.field(card));
    }

    /** Problems of reference stories whose card has no row here (the deck changed in the same form). */
    public List<String> otherReferenceErrors() {
        var shown = references.stream().map(row -> ReferenceStories.field(row.card())).toList();
        return errors.byField().entrySet().stream()
            .filter(entry -> entry.getKey().startsWith("references") && !shown.contains(entry.getKey()))
            .map(java.util.Map.Entry::getValue).toList();
    }
}
