package dev.refinery.identity;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Reads the person from the provider (its ID token, and its user info endpoint when it has one), then finds or opens
 * their account by the rules of {@link OidcAccounts}; a refusal ends the sign-in before anybody is signed in.
 */
@Component
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final SingleSignOn singleSignOn;
    private final OidcAccounts accounts;

    OidcSignIn(SingleSignOn singleSignOn, OidcAccounts accounts) {
        this.singleSignOn = singleSignOn;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var user = provider.loadUser(request);
        var name = request.getClientRegistration().getRegistrationId();
        var configured = singleSignOn.provider(name).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error(OidcAccounts.REFUSED, "No provider " + name + ".", null)));
        var account = accounts.signIn(configured, new OidcAccounts.Claims(user.getSubject(), user.getEmail(),
                user.getEmailVerified(), user.getFullName() != null ? user.getFullName() : user.getPreferredUsername()));
        return new LinkedOidcUser(user, account);
    }

    /** The provider's person together with the account they signed in to. */
    static final class LinkedOidcUser extends DefaultOidcUser {

        private final transient SignedInAccount account;

        LinkedOidcUser(OidcUser user, SignedInAccount account) {
            super(account.getAuthorities(), user.getIdToken(), user.getUserInfo(), "sub");
            this.account = account;
        }

        SignedInAccount account() {
            return account;
        }
    }
}
