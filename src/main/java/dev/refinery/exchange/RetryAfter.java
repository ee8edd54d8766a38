package dev.refinery.exchange;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A tracker's {@code Retry-After}: seconds from now, or an HTTP date (RFC 9110); as the instant it names. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The instant the header names, never before {@code now} for seconds; empty when it is neither form. */
    static Optional<Instant> when(String header, Instant now) {
        var text = header == null ? "" : header.strip();
        try {
            return Optional.of(now.plusSeconds(Math.max(0, Long.parseLong(text))));
        }
        catch (NumberFormatException notSeconds) {
            try {
                return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            }
            catch (DateTimeException notADate) {
                return Optional.empty();
            }
        }
    }
}
