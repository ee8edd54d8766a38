package dev.refinery.meeting;

import com.fasterxml.jackson.annotation.JsonValue;

/** A session is planned, then live while the team meets, then closed. */
public enum SessionState {
    PLANNED, LIVE, CLOSED;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }
}
