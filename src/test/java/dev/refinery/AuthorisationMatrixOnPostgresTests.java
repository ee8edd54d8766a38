package dev.refinery;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class AuthorisationMatrixOnPostgresTests extends AuthorisationMatrixTests {
}
