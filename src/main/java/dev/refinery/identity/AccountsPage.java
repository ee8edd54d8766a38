package dev.refinery.identity;

import java.util.List;

import dev.refinery.shared.FieldErrors;

public record AccountsPage(List<Account> accounts, NewAccount form, FieldErrors errors, String created) {
}
