package dev.refinery.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before a browser is sent to a provider: an unknown provider is a 404, and one whose discovery document cannot be
 * read right now sends the person back to the sign-in page, which says so, instead of an error. A POST of the password
 * form is refused here when local passwords are off. Built by the security configuration, not a bean.
 */
class ProviderAvailability extends OncePerRequestFilter {

    private static final RequestMatcher AUTHORIZATION = PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.GET, "/oauth2/authorization/{name}");
    private static final RequestMatcher PASSWORD_FORM = PathPatternRequestMatcher.withDefaults()
        .matcher(HttpMethod.POST, "/sign-in");

    private final SingleSignOn singleSignOn;

    ProviderAvailability(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!singleSignOn.localPasswords() && PASSWORD_FORM.matches(request)) {
            response.sendRedirect(request.getContextPath() + "/sign-in?passwords-off");
            return;
        }
        var authorization = AUTHORIZATION.matcher(request);
        if (authorization.isMatch()) {
            var provider = singleSignOn.provider(authorization.getVariables().get("name"));
            if (provider.isEmpty()) {
                response.sendError(HttpStatus.NOT_FOUND.value());
                return;
            }
            try {
                singleSignOn.resolve(provider.get());
            }
            catch (SingleSignOn.ProviderUnavailable unavailable) {
                response.sendRedirect(request.getContextPath() + "/sign-in?unavailable=" + provider.get().name());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
