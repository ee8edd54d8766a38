package dev.refinery.shared;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Browser tests need Debian's Chromium; without it they skip with the reason, except under CI=true. The test's
 * {@link Browser} field gets the run's one Chromium, started on first use and closed when the run ends.
 */
public class BrowserAvailable implements ExecutionCondition, TestInstancePostProcessor {

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

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws IllegalAccessException {
        for (var type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == Browser.class) {
                    field.setAccessible(true);
                    field.set(test, context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .computeIfAbsent(Browser.class, key -> new Browser(), Browser.class));
                }
            }
        }
    }
}
