package dev.refinery.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * The accounts of this instance. Passwords are stored only as hashes of the delegating encoder; an email
 * is unique regardless of case.
 */
@Component
public class Accounts implements UserDetailsService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final AuditLog audit;
    private final AtomicBoolean anyExists = new AtomicBoolean();

    Accounts(AccountRepository accounts, PasswordEncoder passwords, SignInThrottle throttle, Clock clock, AuditLog audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.audit = audit;
    }

    /** Whether the first administrator has been created; once true it stays true. */
    public boolean anyExists() {
        if (!anyExists.get() && accounts.any()) {
            anyExists.set(true);
        }
        return anyExists.get();
    }

    @Transactional
    public Account open(NewAccount account) {
        return insert(account, false);
    }

    /** Creates the first administrator, or refuses when an account already exists. */
    @Transactional
    public Account openFirstAdministrator(NewAccount account) {
        if (!accounts.claimFirstRun(clock.instant()) || accounts.any()) {
            throw Rejected.conflict("email", "Refinery already has an administrator: sign in instead.");
        }
        var administrator = insert(account, true);
        anyExists.set(true);
        return administrator;
    }

    public Optional<Account> find(String email) {
        return accounts.find(normalised(email));
    }

    public Optional<Account> find(AccountId id) {
        return accounts.find(id);
    }

    public List<Account> all() {
        return accounts.all().stream().map(ListedAccount::account).toList();
    }

    /** Every account with whether it is active, for the administrator. */
    public List<ListedAccount> listed() {
        return accounts.all();
    }

    /** Whether the account may still act: read on every request, so a deactivation stops it at once on every node. */
    public boolean active(AccountId id) {
        return accounts.active(id);
    }

    /** Stops an account at once: its sessions and tokens are refused from the next request on. */
    @Transactional
    public void deactivate(AccountId id, AccountId by) {
        if (id.equals(by)) {
            throw Rejected.conflict("account", "You cannot deactivate your own account: another administrator can.");
        }
        if (!accounts.deactivated(id, clock.instant())) {
            throw noAccount(id);
        }
        audit.record(AuditKind.ACCOUNT_DEACTIVATED, email(id));
    }

    @Transactional
    public void reactivate(AccountId id) {
        if (!accounts.deactivated(id, null)) {
            throw noAccount(id);
        }
        audit.record(AuditKind.ACCOUNT_REACTIVATED, email(id));
    }

    /** An administrator sets a new password for somebody who lost theirs. */
    @Transactional
    public void setPassword(AccountId id, NewPassword password) {
        if (!accounts.password(id, passwords.encode(password.password()))) {
            throw noAccount(id);
        }
        audit.record(AuditKind.PASSWORD_SET, email(id));
    }

    /**
     * A person changes their own password; the current one must be right, and wrong ones count as failed sign-ins, so
     * that somebody at an unlocked screen cannot guess it either.
     */
    @Transactional
    public void changePassword(AccountId id, PasswordChange change) {
        var email = accounts.find(id).orElseThrow(() -> noAccount(id)).email();
        try {
            throttle.admit(email, null);
        }
        catch (SignInLocked locked) {
            throw Rejected.invalid("currentPassword", locked.getMessage());
        }
        if (!passwords.matches(change.currentPassword(), accounts.passwordHash(id).orElseThrow())) {
            throttle.failed(email, null);
            throw Rejected.invalid("currentPassword", "This is not your current password.");
        }
        accounts.password(id, passwords.encode(change.newPassword()));
    }

    private String email(AccountId id) {
        return accounts.find(id).map(Account::email).orElse("account " + id.value());
    }

    @Override
    public SignedInAccount loadUserByUsername(String email) {
        return accounts.signIn(normalised(email))
            .orElseThrow(() -> new UsernameNotFoundException("No account for this email"));
    }

    private Account insert(NewAccount account, boolean administrator) {
        var email = account.normalisedEmail();
        if (accounts.emailTaken(email)) {
            throw Rejected.conflict("email", "An account with this email already exists.");
        }
        try {
            var id = accounts.insert(email, account.displayName().strip(), passwords.encode(account.password()),
                    administrator, clock.instant());
            audit.record(AuditKind.ACCOUNT_OPENED, email + (administrator ? " (administrator)" : ""));
            return new Account(id, email, account.displayName().strip(), administrator);
        }
        catch (DuplicateKeyException raced) {
            throw Rejected.conflict("email", "An account with this email already exists.");
        }
    }

    private static NotFound noAccount(AccountId id) {
        return new NotFound("No account " + id.value() + ".");
    }

    static String normalised(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
