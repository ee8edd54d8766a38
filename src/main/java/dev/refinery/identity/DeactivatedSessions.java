package dev.refinery.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of an account that was deactivated since it signed in. The account is read on every request,
 * so a deactivation stops it at once on every node. Built by the security configuration, not a bean, so that it
 * filters pages only.
 */
class DeactivatedSessions extends OncePerRequestFilter {

    private final Accounts accounts;

    DeactivatedSessions(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount me && !accounts.active(me.id())) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/sign-in?deactivated");
            return;
        }
        chain.doFilter(request, response);
    }
}
