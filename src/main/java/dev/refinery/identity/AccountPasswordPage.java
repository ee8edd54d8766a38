package dev.refinery.identity;

import dev.refinery.shared.FieldErrors;

/** The administrator's form that sets a new password for one account. */
public record AccountPasswordPage(Account account, NewPassword form, FieldErrors errors) {
}
