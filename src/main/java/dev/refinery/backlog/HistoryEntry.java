package dev.refinery.backlog;

import java.time.Instant;

/** One changed field of one saved edit: who, when, the value before and after. */
public record HistoryEntry(int version, Instant at, String author, String field, String before, String after) {
}
