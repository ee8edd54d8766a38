package dev.refinery.shared;

import java.time.Instant;

/**
 * Something that would grow without bound, cleaned on a schedule by {@link Sweeps}. A sweep must be safe to run
 * on every node at the same moment: it removes only what is past its retention at the instant given.
 */
public interface Sweep {

    /** What it removes, as the {@code kind} tag of the counter {@code refinery.cleanup.removed}: {@code guest-links}. */
    String kind();

    /** Removes what is past its retention at {@code now}, and tells how much that was. */
    long sweep(Instant now);
}
