package dev.refinery.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request signed with a personal API token: it acts as the token's account, and read-only tokens never write. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final SignedInAccount account;
    private final boolean readOnly;

    ApiTokenAuthentication(SignedInAccount account, boolean readOnly) {
        super(account.getAuthorities());
        this.account = account;
        this.readOnly = readOnly;
        setAuthenticated(true);
    }

    boolean readOnly() {
        return readOnly;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public SignedInAccount getPrincipal() {
        return account;
    }
}
