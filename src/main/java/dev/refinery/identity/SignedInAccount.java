package dev.refinery.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in request. Controllers of every module take it with
 * {@code @AuthenticationPrincipal}; its password hash is erased once sign-in has checked it.
 */
public final class SignedInAccount implements UserDetails, CredentialsContainer {

    private final Account account;
    private final boolean active;
    private String passwordHash;

    SignedInAccount(Account account, String passwordHash, boolean active) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.active = active;
    }

    public AccountId id() {
        return account.id();
    }

    public Account account() {
        return account;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.administrator()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.email();
    }

    /** A deactivated account cannot sign in (Spring Security refuses it before it checks the password). */
    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
