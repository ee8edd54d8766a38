package dev.refinery.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person changing their own password: the current one proves it is them, not somebody at their unlocked screen. */
public record PasswordChange(
        @NotBlank(message = "Enter your current password.")
        String currentPassword,
        @NotBlank(message = "Choose a new password.")
        @Size(min = 8, max = 128, message = "A password has 8 to 128 characters.")
        String newPassword) {

    static PasswordChange blank() {
        return new PasswordChange("", "");
    }
}
