package dev.refinery.backlog;

import java.time.Instant;

/** A backlog item: its key, what people wrote in it, and its version for edits that must not be lost. */
public record BacklogItem(BacklogItemId id, ItemKey key, ItemContent content, int version, Instant updatedAt) {
}
