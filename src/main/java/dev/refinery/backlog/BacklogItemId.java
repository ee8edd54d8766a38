package dev.refinery.backlog;

public record BacklogItemId(long value) {
}
