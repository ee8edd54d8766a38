package dev.refinery;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class CleanupOnPostgresTests extends CleanupTests {
}
