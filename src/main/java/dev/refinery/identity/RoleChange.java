package dev.refinery.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A member's new role in a team. */
public record RoleChange(
        @NotNull(message = "Choose a role: facilitator, pm, engineer or observer.")
        @Pattern(regexp = "facilitator|pm|engineer|observer", message = "Choose a role: facilitator, pm, engineer or observer.")
        String role) {
}
