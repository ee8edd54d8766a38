package dev.refinery.identity;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

/** What an API token may do: read only, or read and write like its account. */
public enum ApiTokenAccess implements Coded {
    READ_ONLY("read-only", "Read only"), READ_WRITE("read-write", "Read and write");

    public static final String RULE = "Choose the access: read-only or read-write.";

    private final String code;
    private final String label;

    ApiTokenAccess(String code, String label) {
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

    static Optional<ApiTokenAccess> of(String code) {
        return Coded.of(values(), code);
    }
}
