package dev.refinery.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A personal API token as its owner sees it in the list: never the token itself. */
public record ApiToken(long id, String name, ApiTokenAccess access, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** For the page: when it expires, and when it was last used (to the minute, as it is recorded). */
    public String expiresText() {
        return MINUTE.format(expiresAt);
    }

    public String lastUsedText() {
        return lastUsedAt == null ? "never used" : "last used " + MINUTE.format(lastUsedAt);
    }
}
