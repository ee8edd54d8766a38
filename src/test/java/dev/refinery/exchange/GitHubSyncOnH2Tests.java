package dev.refinery.exchange;

class GitHubSyncOnH2Tests extends GitHubSyncTests {
}
