package dev.refinery.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One place where an account is signed in: one of its sessions. The handle names it in forms without revealing the
 * session id, which is the cookie's value.
 */
public record SignedInSession(String handle, Instant created, Instant lastUsed, String userAgent, String address,
        boolean current) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    public String browser() {
        return userAgent.isBlank() ? "An unknown browser" : userAgent;
    }

    public String createdText() {
        return WHEN.format(created);
    }

    public String lastUsedText() {
        return WHEN.format(lastUsed);
    }
}
