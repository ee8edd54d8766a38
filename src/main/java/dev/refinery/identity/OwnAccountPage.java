package dev.refinery.identity;

import java.time.Instant;
import java.util.List;

import dev.refinery.shared.FieldErrors;

/** The signed-in person's own page: their password, their API tokens, and the one just created (shown this once). */
public record OwnAccountPage(Account account, List<ApiToken> tokens, Instant now, NewApiToken tokenForm,
        FieldErrors tokenErrors, IssuedApiToken issued, FieldErrors passwordErrors, boolean passwordChanged) {
}
