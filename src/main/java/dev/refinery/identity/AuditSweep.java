package dev.refinery.identity;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.refinery.shared.Sweep;

/** Removes audit entries older than {@code refinery.cleanup.audit-kept} (400 days unless configured). */
@Component
class AuditSweep implements Sweep {

    private final AuditRepository entries;
    private final Duration kept;

    AuditSweep(AuditRepository entries, @Value("${refinery.cleanup.audit-kept:P400D}") Duration kept) {
        this.entries = entries;
        this.kept = kept;
    }

    @Override
    public String kind() {
        return "audit";
    }

    @Override
    public long sweep(Instant now) {
        return entries.deleteBefore(now.minus(kept));
    }
}
