package dev.refinery.shared;

import java.util.Objects;

/**
 * A request that is well-formed but breaks a rule on one field (a taken team key, an unknown email).
 * Nothing was saved. Pages show the message next to the field; the API answers with a problem that
 * names it.
 */
public class Rejected extends RuntimeException {

    public enum Kind { INVALID, CONFLICT }

    private final Kind kind;
    private final String field;

    private Rejected(Kind kind, String field, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.field = Objects.requireNonNull(field);
    }

    public static Rejected invalid(String field, String message) {
        return new Rejected(Kind.INVALID, field, message);
    }

    public static Rejected conflict(String field, String message) {
        return new Rejected(Kind.CONFLICT, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
