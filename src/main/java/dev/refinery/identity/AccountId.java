package dev.refinery.identity;

import com.fasterxml.jackson.annotation.JsonValue;

public record AccountId(@JsonValue long value) {
}
