package dev.refinery.shared;

/**
 * An HTML fragment for everyone in a live room, sent as a Server-Sent Event once the transaction that
 * published it has committed. Any module publishes it; the live module delivers it.
 */
public record LiveUpdate(String room, String event, String html) {
}
