package dev.refinery.shared;

import java.util.Optional;

/**
 * The live room a guest link opens, for a guest without an account: the module that owns guest links
 * answers, so that the live module can let the guest's stream in without knowing meetings.
 */
public interface GuestRooms {

    /** Prefix of the HTTP session attribute that holds a guest's display name for one link (then the token). */
    String NAME_ATTRIBUTE = "refinery.guest.";

    /** Prefix of the HTTP session attribute that holds the id of a guest's seat for one link (then the token). */
    String SEAT_ATTRIBUTE = "refinery.guest-seat.";

    /** The room of an active guest link; empty when the link is unknown or revoked. */
    Optional<String> room(String token);
}
