package dev.refinery.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewTeam(
        @NotBlank(message = "Enter a team name.")
        @Size(max = 80, message = "A team name has at most 80 characters.")
        String name,
        @NotNull(message = TeamKey.RULE)
        @Pattern(regexp = TeamKey.PATTERN, message = TeamKey.RULE)
        String key) {

    static NewTeam blank() {
        return new NewTeam("", "");
    }
}
