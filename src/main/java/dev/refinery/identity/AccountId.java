package dev.refinery.identity;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonValue;

public record AccountId(@JsonValue long value) implements Serializable {
}
