package dev.refinery.meeting;

/** A session is planned, then live while the team meets, then closed. */
public enum SessionState {
    PLANNED, LIVE, CLOSED;

    public String code() {
        return name().toLowerCase();
    }
}
