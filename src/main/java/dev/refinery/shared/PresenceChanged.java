package dev.refinery.shared;

import java.util.Set;

/** Somebody entered or left a live room: the accounts that came or went since the room was last told. */
public record PresenceChanged(String room, Set<Long> accounts) {

    public PresenceChanged {
        accounts = Set.copyOf(accounts);
    }
}
