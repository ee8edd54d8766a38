package dev.refinery.exchange;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class GitHubSyncOnPostgresTests extends GitHubSyncTests {
}
