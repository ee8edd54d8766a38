package dev.refinery.meeting;

import java.util.Optional;

/**
 * A live session was closed by its facilitator; published inside the transaction that closed it. {@code carriedTo} is
 * the session that took the items not reached or deferred, if any.
 */
public record SessionClosed(long team, String teamKey, long session, String title, Optional<Long> carriedTo) {
}
