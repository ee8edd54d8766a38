package dev.refinery.shared;

/** The caller may see the thing but not do this to it (a member who is not a facilitator, say). */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
