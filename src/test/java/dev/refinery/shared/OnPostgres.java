package dev.refinery.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test class on PostgreSQL in a schema of its own, dropped when the class is done. Without a
 * reachable PostgreSQL the class is skipped with the reason, except under {@code CI=true}, where it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresAvailable.class)
@ContextConfiguration(initializers = ThrowAwaySchema.class)
public @interface OnPostgres {
}
