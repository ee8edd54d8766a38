package dev.refinery.meeting;

import java.time.Instant;

/** A question asked on an item in the meeting, and what its answer became. */
public record Question(long id, int itemNumber, String author, String text, Instant askedAt, String answer, String foldedAs) {

    public boolean answered() {
        return answer != null;
    }
}
