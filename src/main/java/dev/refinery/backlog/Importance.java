package dev.refinery.backlog;

import java.util.List;

/**
 * The importance inputs an item asks for, each a whole number from 1 to 10. For now the inputs of WSJF;
 * the scoring model of a team will decide them.
 */
public record Importance(String name, String label, String hint) {

    public static final int MIN = 1;
    public static final int MAX = 10;

    public static final List<Importance> INPUTS = List.of(
            new Importance("businessValue", "Business value", "What it is worth to users and the business."),
            new Importance("timeCriticality", "Time criticality", "How fast the value decays if it waits."),
            new Importance("riskReduction", "Risk reduction", "Risk it removes or opportunity it enables."));

    static String label(String name) {
        return INPUTS.stream().filter(input -> input.name().equals(name)).map(Importance::label).findFirst().orElse(name);
    }

    static boolean known(String name) {
        return INPUTS.stream().anyMatch(input -> input.name().equals(name));
    }
}
