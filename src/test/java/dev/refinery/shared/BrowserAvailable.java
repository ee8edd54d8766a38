package dev.refinery.shared;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Browser tests need Debian's Chromium; without it they skip with the reason, except under CI=true. */
public class BrowserAvailable implements ExecutionCondition {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM)) {
            return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
        }
        if (TestDatabases.ci()) {
            throw new IllegalStateException("CI=true and there is no " + CHROMIUM + ": apt-get install chromium");
        }
        var skipped = "No Chromium at " + CHROMIUM + " (apt-get install chromium): browser test skipped";
        System.out.println("[refinery] " + skipped);
        return ConditionEvaluationResult.disabled(skipped);
    }
}
