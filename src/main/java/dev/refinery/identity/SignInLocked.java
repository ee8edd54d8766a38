package dev.refinery.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without looking at the password: too many failed ones came before it. */
class SignInLocked extends AuthenticationException {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Instant until;

    SignInLocked(Instant until) {
        super("Too many failed sign-ins: try again after " + TIME.format(until) + ".");
        this.until = until;
    }

    Instant until() {
        return until;
    }

    /** The same words for the page, from the instant the page was given. */
    static String message(Instant until) {
        return new SignInLocked(until).getMessage();
    }
}
