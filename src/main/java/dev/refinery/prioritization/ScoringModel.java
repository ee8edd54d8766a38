package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.util.List;

import dev.refinery.backlog.Importance;

/**
 * A team's choice of how to rank: the model, its formula and inputs when custom, how many days a point is,
 * and whether deadlines raise urgency (over how many days before the date).
 */
public record ScoringModel(ModelKind kind, String formula, List<Importance> customInputs, BigDecimal daysPerPoint,
        boolean deadlineUrgency, int horizonDays, int version) {

    public static final ScoringModel DEFAULT = new ScoringModel(ModelKind.WSJF, "", List.of(), new BigDecimal("0.5"), true,
            30, 0);

    public ScoringModel {
        formula = formula == null ? "" : formula.strip();
        customInputs = customInputs == null ? List.of() : List.copyOf(customInputs);
    }

    /** The importance inputs an item needs under this model. */
    public List<Importance> inputs() {
        return kind == ModelKind.CUSTOM ? customInputs : kind.inputs();
    }

    boolean usesSize() {
        return kind == ModelKind.CUSTOM ? Formula.usesSize(formula) : kind.usesSize();
    }
}
