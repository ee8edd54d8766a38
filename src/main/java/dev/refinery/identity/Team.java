package dev.refinery.identity;

public record Team(TeamId id, TeamKey key, String name) {
}
