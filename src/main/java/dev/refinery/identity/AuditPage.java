package dev.refinery.identity;

import java.util.List;

/** A page of the audit log as filtered, and whether an older page follows. */
public record AuditPage(AuditFilter filter, List<AuditEntry> entries, boolean more) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
