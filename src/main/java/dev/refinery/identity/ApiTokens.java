package dev.refinery.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.shared.NotFound;

/**
 * Personal API tokens. A token is 32 random bytes and only its SHA-256 is stored: that is enough for a secret with
 * this much entropy, and costs microseconds where a password hash costs the 60-200 ms of BCrypt. Every call reads
 * the token from the database, so a revoked token stops at once on every node.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "rfy_";
    /** The last use is written at most this often per token, not on every call. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, Clock clock, AuditLog audit) {
        this.tokens = tokens;
        this.clock = clock;
        this.audit = audit;
    }

    /** Creates a token for this account; the secret in the answer is never shown again. */
    @Transactional
    public IssuedApiToken issue(AccountId account, NewApiToken token) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var access = ApiTokenAccess.of(token.access()).orElseThrow();
        // Whole seconds, as every database stores them alike: a token expires exactly when its days are over.
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var expires = now.plus(Duration.ofDays(token.expiresInDays()));
        var name = token.name().strip();
        var id = tokens.insert(account, name, hash(secret), access == ApiTokenAccess.READ_ONLY, now, expires);
        audit.record(AuditKind.TOKEN_CREATED, "\"" + name + "\" (" + access.code() + ", expires " + expires + ")");
        return new IssuedApiToken(new ApiToken(id, name, access, now, expires, null), secret);
    }

    public List<ApiToken> of(AccountId account) {
        return tokens.of(account);
    }

    /** Revokes one of the account's own tokens; from the next call on it is refused everywhere. */
    @Transactional
    public void revoke(AccountId account, long id) {
        var name = tokens.of(account).stream().filter(token -> token.id() == id).map(ApiToken::name).findFirst();
        if (!tokens.delete(account, id)) {
            throw new NotFound("You have no token " + id + ".");
        }
        audit.record(AuditKind.TOKEN_REVOKED, "\"" + name.orElse("token " + id) + "\"");
    }

    /** The signed-in request a presented token stands for, when it exists and has not expired. */
    Optional<ApiTokenAuthentication> authenticate(String secret) {
        var now = clock.instant();
        return tokens.find(hash(secret))
            .filter(token -> now.isBefore(token.expiresAt()))
            .map(token -> {
                var since = now.minus(LAST_USE_PRECISION);
                if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(since)) {
                    tokens.used(token.id(), now, since);
                }
                return new ApiTokenAuthentication(new SignedInAccount(token.account(), null, true), token.readOnly());
            });
    }

    static String hash(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
