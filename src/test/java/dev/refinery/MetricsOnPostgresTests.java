package dev.refinery;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class MetricsOnPostgresTests extends MetricsTests {
}
