package dev.refinery.estimation;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class PokerBrowserOnPostgresTests extends PokerBrowserTests {
}
