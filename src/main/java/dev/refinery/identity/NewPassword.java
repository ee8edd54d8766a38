package dev.refinery.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A password an administrator sets for somebody who lost theirs. */
public record NewPassword(
        @NotBlank(message = "Choose a password.")
        @Size(min = 8, max = 128, message = "A password has 8 to 128 characters.")
        String password) {

    static NewPassword blank() {
        return new NewPassword("");
    }
}
