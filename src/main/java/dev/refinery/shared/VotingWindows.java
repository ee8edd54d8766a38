package dev.refinery.shared;

import java.util.Optional;

/**
 * Whether votes on an item may be cast now. A live meeting closes them during the silent pause that opens its
 * questions, so that people re-read the task before anyone moves on; the module that runs meetings answers.
 */
public interface VotingWindows {

    /** Why votes on this item of the team (by its id) are closed now, or empty when they are open. */
    Optional<String> closed(long team, int itemNumber);
}
