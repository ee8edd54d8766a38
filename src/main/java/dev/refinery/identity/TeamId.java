package dev.refinery.identity;

import com.fasterxml.jackson.annotation.JsonValue;

public record TeamId(@JsonValue long value) {
}
