package dev.refinery.shared;

import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

public class PostgresAvailable implements ExecutionCondition {

    private static volatile String unreachable;
    private static volatile boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var reason = unreachable();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + TestDatabases.POSTGRES_URL);
        }
        if (TestDatabases.ci()) {
            throw new IllegalStateException("CI=true and PostgreSQL does not answer at " + TestDatabases.POSTGRES_URL
                    + " (" + reason + "): start it, or set REFINERY_TEST_PG_URL");
        }
        var skipped = "PostgreSQL does not answer at " + TestDatabases.POSTGRES_URL + " (" + reason + "): skipped";
        System.out.println("[refinery] " + skipped);
        return ConditionEvaluationResult.disabled(skipped);
    }

    private static synchronized String unreachable() {
        if (!checked) {
            try (var connection = TestDatabases.postgres()) {
                unreachable = connection.isValid(3) ? null : "the connection is not valid";
            }
            catch (SQLException failure) {
                unreachable = failure.getMessage();
            }
            checked = true;
        }
        return unreachable;
    }
}
