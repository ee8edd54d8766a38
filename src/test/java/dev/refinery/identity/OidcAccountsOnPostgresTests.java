package dev.refinery.identity;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class OidcAccountsOnPostgresTests extends OidcAccountsTests {
}
