package dev.refinery.identity;

import java.time.LocalDate;

/**
 * What the administrator looks for in the audit log: a kind, a person (part of an email), days from and to (both
 * included, in UTC); any of them may be empty. Pages count from 1.
 */
public record AuditFilter(AuditKind kind, String person, LocalDate from, LocalDate to, int page) {

    public static final int PAGE_SIZE = 50;

    public AuditFilter {
        person = person == null || person.isBlank() ? null : person.strip();
        page = Math.max(page, 1);
    }

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, 1);
    }
}
