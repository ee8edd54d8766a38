package dev.refinery.shared;

/**
 * Something the caller asked for does not exist, or the caller may not know that it exists: both
 * answer 404, so another team's data is never confirmed.
 */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
