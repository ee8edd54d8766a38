package dev.refinery.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request that is well-formed but breaks rules on some of its fields (a taken team key, a title too long).
 * Nothing was saved. Pages show each message next to its field; the API answers with a problem that names
 * every field.
 */
public class Rejected extends RuntimeException {

    public enum Kind { INVALID, CONFLICT }

    private final Kind kind;
    private final Map<String, String> errors;

    private Rejected(Kind kind, Map<String, String> errors) {
        super(errors.values().iterator().next());
        this.kind = Objects.requireNonNull(kind);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static Rejected invalid(String field, String message) {
        return new Rejected(Kind.INVALID, Map.of(field, message));
    }

    /** Several fields at once, in the order given; at least one. */
    public static Rejected invalid(Map<String, String> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A rejection names at least one field");
        }
        return new Rejected(Kind.INVALID, new LinkedHashMap<>(errors));
    }

    public static Rejected conflict(String field, String message) {
        return new Rejected(Kind.CONFLICT, Map.of(field, message));
    }

    public Kind kind() {
        return kind;
    }

    /** Message by field name, as the API names the fields. */
    public Map<String, String> errors() {
        return errors;
    }
}
