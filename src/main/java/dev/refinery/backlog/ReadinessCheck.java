package dev.refinery.backlog;

import java.util.List;

/** Whether an item meets its team's Definition of Ready, and if not, exactly what is missing. */
public record ReadinessCheck(boolean ready, List<String> missing) {

    public ReadinessCheck {
        missing = List.copyOf(missing);
    }

    /** "ready", or "missing: acceptance criteria, estimate". */
    @Override
    public String toString() {
        return ready ? "ready" : "missing: " + String.join(", ", missing);
    }
}
