package dev.refinery.identity;

import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** A read-only API token may call everything that only reads (GET, HEAD, OPTIONS) and nothing else. */
final class ApiWrites implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        var readOnly = authentication.get() instanceof ApiTokenAuthentication token && token.readOnly();
        return new AuthorizationDecision(!readOnly || READS.contains(context.getRequest().getMethod()));
    }
}
