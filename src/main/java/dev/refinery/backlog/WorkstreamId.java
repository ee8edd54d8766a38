package dev.refinery.backlog;

public record WorkstreamId(long value) {
}
