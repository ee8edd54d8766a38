package dev.refinery.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While no account exists, every page leads to the form that creates the first administrator. Built by the
 * security configuration, not a bean, so that it filters pages only.
 */
class FirstRunRedirect extends OncePerRequestFilter {

    private final Accounts accounts;

    FirstRunRedirect(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod())
                || path.equals("/setup")
                || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/actuator/")
                || path.equals("/error") || path.equals("/favicon.ico") || path.equals("/favicon.svg");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (accounts.anyExists()) {
            chain.doFilter(request, response);
        }
        else {
            response.sendRedirect(request.getContextPath() + "/setup");
        }
    }
}
