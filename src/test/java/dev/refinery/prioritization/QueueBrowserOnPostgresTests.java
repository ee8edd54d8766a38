package dev.refinery.prioritization;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class QueueBrowserOnPostgresTests extends QueueBrowserTests {
}
