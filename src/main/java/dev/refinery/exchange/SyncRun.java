package dev.refinery.exchange;

import java.time.Instant;

/**
 * One pull from the tracker: pages read, issues seen, items created and updated, conflicts found, and the error that
 * stopped it. {@code total} is the number of issues the tracker announced, when it says it.
 */
public record SyncRun(long id, String state, String trigger, int pages, int seen, int created, int updated, int conflicts,
        Integer total, String error, Instant startedAt, Instant finishedAt) {

    public boolean running() {
        return state.equals("running");
    }

    /** How far it got, 0 to 100: by the announced total when there is one, else done or not. */
    public int percent() {
        if (!running()) {
            return 100;
        }
        if (total == null || total == 0) {
            return 0;
        }
        return Math.min(99, seen * 100 / total);
    }
}
