package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

import dev.refinery.backlog.Importance;

/** The scoring models a team chooses from, each with the importance inputs its items must carry. */
public enum ModelKind implements Coded {
    WSJF("wsjf", "WSJF", "(business value + time criticality + risk reduction) / job size", true, Importance.DEFAULT),
    RICE("rice", "RICE", "reach × impact × confidence / effort", true, List.of(
            Importance.whole("reach", "Reach", "People or events it touches per quarter.", 0, 1_000_000_000),
            new Importance("impact", "Impact", "3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal.",
                    new BigDecimal("0.25"), new BigDecimal("3"), false),
            Importance.whole("confidence", "Confidence", "How sure the estimates are, in percent.", 0, 100))),
    ICE("ice", "ICE", "impact × confidence × ease", false, List.of(
            Importance.whole("impact", "Impact", "How much it moves the goal.", 1, 10),
            Importance.whole("confidence", "Confidence", "How sure we are it will.", 1, 10),
            Importance.whole("ease", "Ease", "How easy it is to do.", 1, 10))),
    VALUE_EFFORT("value-effort", "Value / effort", "value / effort", true, List.of(
            Importance.whole("value", "Value", "What it is worth.", 1, 10))),
    CUSTOM("custom", "Custom formula", "your own formula", false, List.of());

    private final String code;
    private final String label;
    private final String formula;
    private final boolean usesSize;
    private final List<Importance> inputs;

    ModelKind(String code, String label, String formula, boolean usesSize, List<Importance> inputs) {
        this.code = code;
        this.label = label;
        this.formula = formula;
        this.usesSize = usesSize;
        this.inputs = inputs;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String formula() {
        return formula;
    }

    /** Whether the score divides by the item's size (its agreed estimate, in days). */
    boolean usesSize() {
        return usesSize;
    }

    List<Importance> inputs() {
        return inputs;
    }

    public static Optional<ModelKind> of(String code) {
        return Coded.of(values(), code);
    }
}
