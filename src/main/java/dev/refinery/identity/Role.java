package dev.refinery.identity;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

/** What a member does in a team. Facilitators run meetings and manage members; observers never vote. */
public enum Role implements Coded {
    FACILITATOR, PM, ENGINEER, OBSERVER;

    @Override
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case FACILITATOR -> "Facilitator";
            case PM -> "Product manager";
            case ENGINEER -> "Engineer";
            case OBSERVER -> "Observer";
        };
    }

    static Optional<Role> of(String code) {
        return Coded.of(values(), code);
    }
}
