package dev.refinery.identity;

import dev.refinery.shared.FieldErrors;

/** The administrator's form that sets a new password for one account (a password is never shown back). */
public record AccountPasswordPage(Account account, FieldErrors errors) {
}
