package dev.refinery.exchange;

/** A value in a row of a file that cannot become a field of an item; the message is for the person who made the file. */
final class Unreadable extends RuntimeException {

    Unreadable(String message) {
        super(message, null, false, false);
    }
}
