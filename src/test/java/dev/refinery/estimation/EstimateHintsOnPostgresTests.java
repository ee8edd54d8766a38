package dev.refinery.estimation;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class EstimateHintsOnPostgresTests extends EstimateHintsTests {
}
