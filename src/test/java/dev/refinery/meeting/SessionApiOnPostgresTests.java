package dev.refinery.meeting;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class SessionApiOnPostgresTests extends SessionApiTests {
}
