package dev.refinery.identity;

import java.time.Clock;
import java.util.List;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log of security-relevant changes, for the administrator: sign-ins, accounts, memberships, tokens, backups
 * and guest links. An entry is written in the transaction of the change it records, so that neither is saved without
 * the other. Who acted and from which address come from the request being served (the address is the client's as the
 * server sees it: behind a proxy set {@code server.forward-headers-strategy}).
 */
@Component
public class AuditLog {

    private static final int SUBJECT = 500;
    private static final int ACTOR = 300;

    private final AuditRepository entries;
    private final Clock clock;
    private final TransactionTemplate separately;

    AuditLog(AuditRepository entries, Clock clock, PlatformTransactionManager transactions) {
        this.entries = entries;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records that the person signed in on this request did {@code kind} to {@code subject} (in words, for a person). */
    public void record(AuditKind kind, String subject) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var me = authentication != null && authentication.getPrincipal() instanceof SignedInAccount account ? account : null;
        record(kind, me == null ? null : me.id(), me == null ? null : me.getUsername(), clientAddress(), subject);
    }

    /**
     * Records an entry whose actor is not (yet) signed in, such as a failed sign-in naming an email. Within a read-only
     * transaction (a backup being read) the entry is written in a transaction of its own, as the database refuses it there.
     */
    void record(AuditKind kind, AccountId account, String actor, String address, String subject) {
        Runnable insert = () -> entries.insert(clock.instant(), kind, account, cut(actor, ACTOR), cut(address, 64),
                cut(subject, SUBJECT));
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            separately.executeWithoutResult(status -> insert.run());
        }
        else {
            insert.run();
        }
    }

    /** One page of what the filter finds, newest first. */
    public AuditPage find(AuditFilter filter) {
        var found = entries.find(filter, AuditFilter.PAGE_SIZE + 1, (filter.page() - 1) * AuditFilter.PAGE_SIZE);
        var more = found.size() > AuditFilter.PAGE_SIZE;
        return new AuditPage(filter, more ? List.copyOf(found.subList(0, AuditFilter.PAGE_SIZE)) : found, more);
    }

    static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
