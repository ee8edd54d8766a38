package dev.refinery.live;

/**
 * Tells the other application nodes that a live room changed, so that each brings its own streams of that
 * room up to date from the database. Carries the room's name only, never its state.
 */
interface EventBus {

    /**
     * A room changed: once the caller's transaction commits (at once when there is none), every other node refreshes
     * it. Called inside that transaction, so that telling costs no connection of its own.
     */
    void changed(String room);

    /** Whether other nodes exist for this bus to reach. */
    boolean spansNodes();
}
