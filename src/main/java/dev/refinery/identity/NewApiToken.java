package dev.refinery.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to create an API token, on the account page and through the API. */
public record NewApiToken(
        @NotBlank(message = "Name the token after what will use it, like \"nightly export\".")
        @Size(max = 80, message = "A token name has at most 80 characters.")
        String name,
        @NotNull(message = ApiTokenAccess.RULE)
        @Pattern(regexp = "read-only|read-write", message = ApiTokenAccess.RULE)
        String access,
        @NotNull(message = "Choose after how many days the token expires: 1 to 365.")
        @Min(value = 1, message = "A token lasts at least 1 day.")
        @Max(value = 365, message = "A token lasts at most 365 days (one year).")
        Integer expiresInDays) {

    static NewApiToken blank() {
        return new NewApiToken("", ApiTokenAccess.READ_ONLY.code(), 90);
    }
}
