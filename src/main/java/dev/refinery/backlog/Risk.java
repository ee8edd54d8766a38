package dev.refinery.backlog;

import java.time.Instant;

/** A risk raised about an item: "Ana: 13 - the payment provider has no sandbox". */
public record Risk(String text, String author, Instant raisedAt) {

    @Override
    public String toString() {
        return author + ": " + text;
    }
}
