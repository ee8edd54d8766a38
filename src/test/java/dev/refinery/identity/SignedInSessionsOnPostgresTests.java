package dev.refinery.identity;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class SignedInSessionsOnPostgresTests extends SignedInSessionsTests {
}
