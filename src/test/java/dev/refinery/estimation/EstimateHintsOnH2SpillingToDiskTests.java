package dev.refinery.estimation;

import org.springframework.test.context.TestPropertySource;

/**
 * The same on an H2 file database that keeps at most two rows of a result in memory and writes larger ones to its
 * file, as it does with every result past MAX_MEMORY_ROWS (40,000 rows per GB of heap by default). There H2 2.4 fails
 * {@code x IN (SELECT ...)} once the subquery's rows go to the file ("ArrayIndexOutOfBoundsException: Index 1 out of
 * bounds for length 1"): after an import of 50,000 items, the similar items' catch-up failed on every poll and never
 * read the imported items.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:file:./target/h2-spilling/${random.uuid};MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;MAX_MEMORY_ROWS=2")
class EstimateHintsOnH2SpillingToDiskTests extends EstimateHintsTests {
}
