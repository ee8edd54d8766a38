package dev.refinery.estimation;

import dev.refinery.identity.Role;

/**
 * One person at the poker table as everyone sees them: present or away, voter or observer, whether they
 * have voted (a tick), and their card only once the round is revealed. A guest of a meeting has no account and
 * no role: their seat's id is negative, and the name is the one they gave.
 */
public record Seat(long account, String name, Role role, boolean voter, boolean present, boolean voted, Card card,
        boolean outlier, boolean explained) {

    public boolean guest() {
        return account < 0;
    }
}
