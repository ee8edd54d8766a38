package dev.refinery.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes into a new session where it was opened: the browser (its user agent) and the address. The own-account page
 * lists them under "where you are signed in". Spring Security announces every sign-in of a person (the form, single
 * sign-on) once the session id has changed, so these land in the session that stays.
 */
@Component
class SignInPlace {

    static final String USER_AGENT = "refinery.sign-in.user-agent";
    static final String ADDRESS = "refinery.sign-in.address";
    private static final int LONGEST = 300;

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            record(attributes.getRequest());
        }
    }

    static void record(HttpServletRequest request) {
        var session = request.getSession();
        var agent = request.getHeader("User-Agent");
        session.setAttribute(USER_AGENT, agent == null ? "" : agent.substring(0, Math.min(agent.length(), LONGEST)));
        session.setAttribute(ADDRESS, request.getRemoteAddr() == null ? "" : request.getRemoteAddr());
    }
}
