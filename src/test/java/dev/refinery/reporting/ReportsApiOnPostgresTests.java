package dev.refinery.reporting;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class ReportsApiOnPostgresTests extends ReportsApiTests {
}
