package dev.refinery.identity;

import java.time.Instant;

/** One line of the audit log: when, what, who (their email as it was, none for the system) and from which address. */
public record AuditEntry(long id, Instant at, AuditKind kind, AccountId account, String actor, String address,
        String subject) {
}
