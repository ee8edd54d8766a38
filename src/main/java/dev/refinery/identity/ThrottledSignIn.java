package dev.refinery.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Email and password sign-in (the form and HTTP Basic) behind the {@link SignInThrottle}. Every refused attempt goes to
 * the {@link AuditLog} with the email as typed; a successful one only from the form (see {@link SecurityConfiguration}),
 * as HTTP Basic signs in again on every API call.
 */
class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, AuditLog audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        var email = attempt.getName();
        var address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        try {
            throttle.admit(email, address);
        }
        catch (SignInLocked locked) {
            audit.record(AuditKind.SIGN_IN_LOCKED, null, email, address, "Locked until " + locked.until());
            throw locked;
        }
        try {
            var signedIn = passwords.authenticate(attempt);
            throttle.succeeded(email);
            return signedIn;
        }
        catch (BadCredentialsException | DisabledException refused) {
            throttle.failed(email, address);
            audit.record(AuditKind.SIGN_IN_FAILED, null, email, address,
                    refused instanceof DisabledException ? "Account deactivated" : "Wrong email or password");
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
