package dev.refinery.prioritization;

import com.fasterxml.jackson.annotation.JsonValue;

/** Items with everything their model needs are ranked; the others wait in their own band, never scored as 0. */
public enum Band {
    RANKED("ranked", "Ranked"), NEEDS_INPUT("needs-input", "Needs estimate or input");

    private final String code;
    private final String label;

    Band(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
