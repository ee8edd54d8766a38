package dev.refinery.identity;

import java.util.List;

import dev.refinery.shared.FieldErrors;

public record AccountsPage(List<ListedAccount> accounts, NewAccount form, FieldErrors errors, String notice) {
}
