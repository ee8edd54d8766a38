package dev.refinery.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a person signed in by an OpenID provider is here. The link (provider and subject) decides once it exists, so a
 * later change of email at the provider changes nothing. The first time, the account with the same email is linked
 * only when the provider says the email is verified; without such an account one is opened when self sign-up or the
 * provider's {@code _CREATE_ACCOUNTS} allows it and the email is verified; otherwise the sign-in is refused, saying
 * why. A deactivated account is refused too. Each outcome is written to the audit log with the provider's name.
 */
@Component
class OidcAccounts {

    static final String REFUSED = "refinery_refused";

    private final AccountRepository accounts;
    private final Accounts allAccounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean signUpOpen;
    private final SecureRandom random = new SecureRandom();

    OidcAccounts(AccountRepository accounts, Accounts allAccounts, PasswordEncoder passwords,
            AuditLog audit, Clock clock, @Value("${refinery.identity.self-sign-up:false}") boolean signUpOpen) {
        this.accounts = accounts;
        this.allAccounts = allAccounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.signUpOpen = signUpOpen;
    }

    /** What the provider said about the person, as far as signing in here needs it. */
    record Claims(String subject, String email, Boolean emailVerified, String name) {

        boolean verified() {
            return Boolean.TRUE.equals(emailVerified);
        }
    }

    /** The account this person signs in to, or {@link OidcRefused} saying why not. */
    @Transactional(noRollbackFor = OidcRefused.class)
    SignedInAccount signIn(OidcProvider provider, Claims claims) {
        var email = Accounts.normalised(claims.email());
        var linked = accounts.linked(provider.name(), claims.subject());
        if (linked.isPresent()) {
            return admitted(provider, linked.get(), "Signed in with " + provider.label());
        }
        if (email.isEmpty()) {
            throw refused(provider, null, provider.label() + " did not tell Refinery your email address, so no account"
                    + " could be found for you. Ask your administrator.");
        }
        var existing = accounts.signIn(email);
        if (existing.isPresent()) {
            if (!claims.verified()) {
                throw refused(provider, email, provider.label() + " has not verified that " + email + " is yours, so "
                        + "Refinery cannot link it to the account with that email. Verify it at " + provider.label()
                        + ", or sign in with your password.");
            }
            var account = existing.get();
            if (account.isEnabled()) {
                accounts.link(provider.name(), claims.subject(), account.id(), clock.instant());
            }
            return admitted(provider, account, "Signed in with " + provider.label() + " (linked to this account by its verified email)");
        }
        if (!(signUpOpen || provider.createAccounts()) || !allAccounts.anyExists()) {
            throw refused(provider, email, "There is no Refinery account for " + email + ". An administrator must open"
                    + " an account for this email before you can sign in with " + provider.label() + ".");
        }
        if (!claims.verified()) {
            throw refused(provider, email, provider.label() + " has not verified that " + email + " is yours, so "
                    + "Refinery cannot open an account for it. Verify it at " + provider.label() + " first.");
        }
        var displayName = displayName(claims.name(), email);
        var id = accounts.insert(email, displayName, passwords.encode(unguessable()), false, clock.instant());
        accounts.link(provider.name(), claims.subject(), id, clock.instant());
        audit.record(AuditKind.ACCOUNT_OPENED, id, email, AuditLog.clientAddress(), email + " (at the first sign-in with "
                + provider.label() + ")");
        var opened = new SignedInAccount(new Account(id, email, displayName, false), null, true);
        return admitted(provider, opened, "Signed in with " + provider.label() + " (account opened)");
    }

    private SignedInAccount admitted(OidcProvider provider, SignedInAccount account, String subject) {
        if (!account.isEnabled()) {
            throw refused(provider, account.getUsername(), "The account " + account.getUsername()
                    + " is deactivated. An administrator can reactivate it.");
        }
        audit.record(AuditKind.SIGN_IN_SUCCEEDED, account.id(), account.getUsername(), AuditLog.clientAddress(), subject);
        return account;
    }

    private OidcRefused refused(OidcProvider provider, String email, String message) {
        audit.record(AuditKind.SIGN_IN_FAILED, null, email, AuditLog.clientAddress(),
                "Refused at sign-in with " + provider.label() + ": " + message);
        return new OidcRefused(message);
    }

    private static String displayName(String name, String email) {
        var chosen = name == null || name.isBlank() ? email.substring(0, email.indexOf('@') > 0 ? email.indexOf('@') : email.length())
                : name.strip();
        return chosen.length() <= 80 ? chosen : chosen.substring(0, 80);
    }

    /** The password of an account opened by single sign-on: nobody knows it; an administrator may set one. */
    private String unguessable() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes).toLowerCase(Locale.ROOT);
    }

    /** A sign-in refused for a reason the person is told on the sign-in page. */
    static final class OidcRefused extends OAuth2AuthenticationException {

        OidcRefused(String message) {
            super(new OAuth2Error(REFUSED, message, null), message);
        }
    }
}
