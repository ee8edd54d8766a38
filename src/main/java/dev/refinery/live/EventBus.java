package dev.refinery.live;

/**
 * Tells the other application nodes that a live room changed, so that each brings its own streams of that
 * room up to date from the database. Carries the room's name only, never its state.
 */
interface EventBus {

    /** After the change has committed: every other node refreshes the room. */
    void changed(String room);

    /** Whether other nodes exist for this bus to reach. */
    boolean spansNodes();
}
