package dev.refinery.identity;

import java.time.Instant;
import java.util.List;

import dev.refinery.shared.FieldErrors;

/**
 * The signed-in person's own page: their password, their API tokens, the one just created (shown this once), and
 * where they are signed in ({@code signedOut}: how many sessions were just ended, or null).
 */
public record OwnAccountPage(Account account, List<ApiToken> tokens, Instant now, NewApiToken tokenForm,
        FieldErrors tokenErrors, IssuedApiToken issued, FieldErrors passwordErrors, boolean passwordChanged,
        List<SignedInSession> sessions, Integer signedOut) {

    public boolean othersSignedIn() {
        return sessions.stream().anyMatch(session -> !session.current());
    }
}
