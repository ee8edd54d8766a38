package dev.refinery.identity;

/** One line of a team's member list. */
public record Member(AccountId account, String displayName, String email, Role role) {
}
