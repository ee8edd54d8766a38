package dev.refinery.identity;

import jakarta.validation.constraints.NotBlank;

/** A password an administrator sets for somebody who lost theirs. */
public record NewPassword(
        @NotBlank(message = "Choose a password.")
        @AcceptablePassword
        String password) {
}
