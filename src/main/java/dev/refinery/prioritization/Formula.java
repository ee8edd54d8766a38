package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.parser.ParseException;

/**
 * A team's own scoring formula, evaluated by EvalEx over the item's importance inputs and {@code size} (its
 * estimate in days). Checked on save: it must parse, use only names the team has, and give a number.
 */
final class Formula {

    static final String SIZE = "size";
    private static final ExpressionConfiguration CONFIGURATION = ExpressionConfiguration.builder()
        .mathContext(MathContext.DECIMAL64)
        .build();

    private final Expression expression;

    private Formula(Expression expression) {
        this.expression = expression;
    }

    /** Why the formula cannot be used with these input names, or empty when it can. */
    static Optional<String> problem(String text, Set<String> names) {
        if (text == null || text.isBlank()) {
            return Optional.of("Write a formula, like (value + urgency) / size.");
        }
        if (text.length() > 500) {
            return Optional.of("A formula has at most 500 characters.");
        }
        try {
            var expression = new Expression(text, CONFIGURATION);
            expression.validate();
            for (var variable : expression.getUsedVariables()) {
                if (!variable.equals(SIZE) && !names.contains(variable)) {
                    return Optional.of("The formula uses " + variable + ", which is not one of the inputs ("
                            + String.join(", ", names) + ") or size.");
                }
            }
            var sample = new LinkedHashMap<String, BigDecimal>();
            names.forEach(name -> sample.put(name, BigDecimal.ONE));
            sample.put(SIZE, BigDecimal.ONE);
            new Formula(expression).evaluate(sample);
            return Optional.empty();
        }
        catch (ParseException unparsable) {
            return Optional.of("The formula cannot be read: " + unparsable.getMessage() + ".");
        }
        catch (Undefined undefined) {
            return Optional.of(undefined.getMessage());
        }
    }

    static boolean usesSize(String text) {
        try {
            return new Expression(text, CONFIGURATION).getUsedVariables().contains(SIZE);
        }
        catch (ParseException unparsable) {
            return false;
        }
    }

    static Formula of(String text) {
        try {
            var expression = new Expression(text, CONFIGURATION);
            expression.validate();
            return new Formula(expression);
        }
        catch (ParseException unparsable) {
            throw new IllegalArgumentException("A saved formula no longer parses: " + text, unparsable);
        }
    }

    /** Not thread-safe: one formula evaluates one item at a time. */
    BigDecimal evaluate(Map<String, BigDecimal> values) {
        try {
            values.forEach(expression::with);
            var result = expression.evaluate();
            if (!result.isNumberValue()) {
                throw new Undefined("The formula does not give a number.");
            }
            return result.getNumberValue();
        }
        catch (EvaluationException failed) {
            throw new Undefined(failed.getMessage().toLowerCase().contains("division by zero")
                    ? "The formula divides by zero for some items (is something 0?)."
                    : "The formula cannot be evaluated: " + failed.getMessage() + ".");
        }
        catch (ParseException unparsable) {
            throw new Undefined("The formula cannot be read: " + unparsable.getMessage() + ".");
        }
    }

    /** A formula that gives no number for some values (division by zero, say). */
    static final class Undefined extends RuntimeException {

        Undefined(String message) {
            super(message);
        }
    }
}
