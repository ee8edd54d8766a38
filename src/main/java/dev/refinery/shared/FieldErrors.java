package dev.refinery.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;

/** The messages a form shows next to its fields, the first one per field. */
public record FieldErrors(Map<String, String> byField) {

    public static final FieldErrors NONE = new FieldErrors(Map.of());

    public FieldErrors {
        byField = Collections.unmodifiableMap(new LinkedHashMap<>(byField));
    }

    public static FieldErrors of(BindingResult result) {
        var messages = new LinkedHashMap<String, String>();
        result.getFieldErrors().forEach(error -> messages.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return new FieldErrors(messages);
    }

    public static FieldErrors of(Rejected rejected) {
        return new FieldErrors(rejected.errors());
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }
}
