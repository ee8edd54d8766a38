package dev.refinery.shared;

import java.util.List;

/**
 * The state of a live room as fragments, sent to a stream when it opens, so that a page that (re)connects
 * misses nothing. A module implements it for its own rooms.
 */
public interface LiveSnapshots {

    boolean handles(String room);

    List<LiveUpdate> current(String room);
}
