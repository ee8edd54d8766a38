package dev.refinery.exchange;

import java.time.Instant;

/** A field the tracker and Refinery both changed since the last pull, to different values; the person picks one. */
public record SyncConflict(long id, String item, String field, String theirs, String ours, Instant foundAt) {
}
