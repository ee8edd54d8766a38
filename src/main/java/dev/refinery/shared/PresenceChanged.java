package dev.refinery.shared;

/** Somebody entered or left a live room. */
public record PresenceChanged(String room) {
}
