package dev.refinery.shared;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line of a request carries its request id and, under {@code /teams/{KEY}} or
 * {@code /api/v1/teams/{KEY}}, the team's key. The id is the caller's {@code X-Request-Id} when it is short and
 * plain (a proxy's id then finds the app's lines), or a new one; the response echoes it either way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LogContext extends OncePerRequestFilter {

    static final String REQUEST_ID = "requestId";
    static final String TEAM = "team";
    static final String HEADER = "X-Request-Id";

    // whatever a caller sends goes into every log line: only what cannot forge a line or a field
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern TEAM_PATH = Pattern.compile("^(?:/api/v1)?/teams/([A-Z]{2,10})(?:/.*)?$");
    private static final String ATTRIBUTE = LogContext.class.getName() + ".requestId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // an async or error dispatch of the same request keeps the id it was given first
        var id = request.getAttribute(ATTRIBUTE) instanceof String earlier ? earlier : requestId(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        if (!response.containsHeader(HEADER) && !response.isCommitted()) {
            response.setHeader(HEADER, id);
        }
        var team = team(request.getRequestURI());
        MDC.put(REQUEST_ID, id);
        if (team != null) {
            MDC.put(TEAM, team);
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(TEAM);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String requestId(String header) {
        return header != null && SANE_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    static String team(String path) {
        if (path == null) {
            return null;
        }
        var matcher = TEAM_PATH.matcher(path);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
