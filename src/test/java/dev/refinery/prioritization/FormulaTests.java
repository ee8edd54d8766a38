package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaTests {

    static final Set<String> INPUTS = Set.of("value", "urgency");

    @Test
    void acceptsAFormulaOverTheInputsAndSize() {
        assertThat(Formula.problem("(value + urgency) / size", INPUTS)).isEmpty();
        assertThat(Formula.of("value * 2 + urgency").evaluate(Map.of("value", BigDecimal.TEN, "urgency", BigDecimal.ONE)))
            .isEqualByComparingTo("21");
    }

    @Test
    void refusesBadSyntaxWithAMessage() {
        assertThat(Formula.problem("(value + ", INPUTS)).hasValueSatisfying(message ->
                assertThat(message).startsWith("The formula cannot be read:"));
        assertThat(Formula.problem("", INPUTS)).contains("Write a formula, like (value + urgency) / size.");
    }

    @Test
    void refusesNamesThatAreNotInputs() {
        assertThat(Formula.problem("value / effort", INPUTS)).hasValueSatisfying(message ->
                assertThat(message).startsWith("The formula uses effort, which is not one of the inputs"));
    }

    @Test
    void refusesAFormulaThatDividesByZero() {
        assertThat(Formula.problem("value / (size - 1)", INPUTS))
            .contains("The formula divides by zero for some items (is something 0?).");
        assertThat(Formula.problem("value / 0", INPUTS))
            .contains("The formula divides by zero for some items (is something 0?).");
    }
}
