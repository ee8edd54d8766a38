package dev.refinery.meeting;

/** The page where a guest gives a name to join a session by its link. */
public record JoinPage(String token, String title, String name, String error) {
}
