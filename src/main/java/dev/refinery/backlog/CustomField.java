package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

/** A field a team adds to its template, with whether an item needs it filled to be ready. */
public record CustomField(Long id, String name, Type type, List<String> options, boolean requiredForReady) {

    public enum Type implements Coded {
        TEXT("text", "Text"), NUMBER("number", "Number"), SELECT("select", "Single select"), DATE("date", "Date"),
        CHECKBOX("checkbox", "Checkbox");

        private final String code;
        private final String label;

        Type(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Optional<Type> of(String code) {
            return Coded.of(values(), code);
        }
    }

    public CustomField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Why a value does not fit this field, or empty when it does. Blank means "not filled" and always fits. */
    Optional<String> problemWith(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        // what a value of any type is kept in
        if (value.length() > 2000) {
            return Optional.of(name + " has at most 2000 characters.");
        }
        return switch (type) {
            case TEXT -> Optional.empty();
            case NUMBER -> {
                try {
                    new BigDecimal(value.strip());
                    yield Optional.empty();
                }
                catch (NumberFormatException notANumber) {
                    yield Optional.of(name + " is a number, like 3 or 2.5.");
                }
            }
            case SELECT -> options.contains(value) ? Optional.empty()
                    : Optional.of(name + " is one of: " + String.join(", ", options) + ".");
            case DATE -> {
                try {
                    LocalDate.parse(value.strip());
                    yield Optional.empty();
                }
                catch (DateTimeParseException notADate) {
                    yield Optional.of(name + " is a date like 2026-12-31.");
                }
            }
            case CHECKBOX -> value.equals("true") || value.equals("false") ? Optional.empty()
                    : Optional.of(name + " is true or false.");
        };
    }

    /** A checkbox counts as filled only when ticked. */
    boolean filledBy(String value) {
        return value != null && !value.isBlank() && !(type == Type.CHECKBOX && value.equals("false"));
    }
}
