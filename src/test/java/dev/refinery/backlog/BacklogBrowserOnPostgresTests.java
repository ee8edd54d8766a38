package dev.refinery.backlog;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class BacklogBrowserOnPostgresTests extends BacklogBrowserTests {
}
