package dev.refinery.identity;

import jakarta.validation.constraints.NotBlank;

/** A person changing their own password: the current one proves it is them, not somebody at their unlocked screen. */
public record PasswordChange(
        @NotBlank(message = "Enter your current password.")
        String currentPassword,
        @NotBlank(message = "Choose a new password.")
        @AcceptablePassword
        String newPassword) {
}
