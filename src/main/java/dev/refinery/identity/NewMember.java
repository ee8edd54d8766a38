package dev.refinery.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record NewMember(
        @NotBlank(message = "Enter the email of an existing account.")
        @Email(message = "Enter an email address like name@example.com.")
        String email,
        @NotNull(message = "Choose a role: facilitator, pm, engineer or observer.")
        @Pattern(regexp = "facilitator|pm|engineer|observer", message = "Choose a role: facilitator, pm, engineer or observer.")
        String role) {

    static NewMember blank() {
        return new NewMember("", Role.ENGINEER.code());
    }
}
