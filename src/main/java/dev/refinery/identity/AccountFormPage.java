package dev.refinery.identity;

import dev.refinery.shared.FieldErrors;

/** The form that opens an account: the first administrator's, or a self sign-up. */
public record AccountFormPage(String heading, String lead, String action, String button, NewAccount form,
        FieldErrors errors) {

    static AccountFormPage firstRun(NewAccount form, FieldErrors errors) {
        return new AccountFormPage("Create the first administrator",
                "Refinery has no accounts yet. This one will be able to create the others.",
                "/setup", "Create administrator", form, errors);
    }

    static AccountFormPage signUp(NewAccount form, FieldErrors errors) {
        return new AccountFormPage("Create your account",
                "A facilitator adds you to a team once your account exists.", "/sign-up", "Create account", form,
                errors);
    }
}
