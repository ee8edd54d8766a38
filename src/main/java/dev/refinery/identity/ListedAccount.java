package dev.refinery.identity;

/** One line of the administrator's account list. */
public record ListedAccount(Account account, boolean active) {
}
