package dev.refinery.shared;

import java.util.Map;
import java.util.Optional;

/**
 * Where an item's poker table also stands: in the room of a live meeting whose current item it is, where everyone
 * votes without leaving the meeting, guests who joined by link too. The module that runs meetings answers, so that
 * planning poker can seat the meeting's people and tell its room without knowing meetings.
 */
public interface MeetingTables {

    /** The meeting room showing this item's table now, if any. */
    Optional<Table> of(String team, int itemNumber);

    /**
     * A meeting's table: its live room, and the guests who may vote at it, by their voter id (negative, so that it
     * never meets an account's) to the name they gave.
     */
    record Table(String room, Map<Long, String> guests) {

        public Table {
            guests = Map.copyOf(guests);
        }
    }
}
