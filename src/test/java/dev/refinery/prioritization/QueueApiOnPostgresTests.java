package dev.refinery.prioritization;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class QueueApiOnPostgresTests extends QueueApiTests {
}
