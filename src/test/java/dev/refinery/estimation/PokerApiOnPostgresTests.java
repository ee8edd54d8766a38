package dev.refinery.estimation;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class PokerApiOnPostgresTests extends PokerApiTests {
}
