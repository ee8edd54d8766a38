package dev.refinery.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What it takes to open an account: the sign-up form, the first-run form and {@code POST /api/v1/users}. */
public record NewAccount(
        @NotBlank(message = "Enter an email address.")
        @Email(message = "Enter an email address like name@example.com.")
        @Size(max = 254, message = "An email address has at most 254 characters.")
        String email,
        @NotBlank(message = "Enter a display name.")
        @Size(max = 80, message = "A display name has at most 80 characters.")
        String displayName,
        @NotBlank(message = "Choose a password.")
        @AcceptablePassword
        String password) {

    static NewAccount blank() {
        return new NewAccount("", "", "");
    }

    String normalisedEmail() {
        return Accounts.normalised(email);
    }
}
