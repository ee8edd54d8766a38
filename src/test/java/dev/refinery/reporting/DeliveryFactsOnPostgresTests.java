package dev.refinery.reporting;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class DeliveryFactsOnPostgresTests extends DeliveryFactsTests {
}
