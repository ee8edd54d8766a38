package dev.refinery.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** The API's answers to a missing sign-in (401) and a missing right (403), as problems like every other. */
@Component
class ApiProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final boolean httpBasic;
    private final Clock clock;

    ApiProblemResponses(@Value("${refinery.api.http-basic:true}") boolean httpBasic, Clock clock) {
        this.httpBasic = httpBasic;
        this.clock = clock;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException denied)
            throws IOException {
        if (denied instanceof SignInLocked locked) {
            var seconds = Math.max(1, (Duration.between(clock.instant(), locked.until()).toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            write(response, HttpStatus.TOO_MANY_REQUESTS, locked.getMessage());
            return;
        }
        response.addHeader("WWW-Authenticate", "Bearer realm=\"Refinery\"");
        if (httpBasic) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"Refinery\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, BearerTokens.presented(request)
                ? "This API token is unknown, expired or revoked."
                : httpBasic
                    ? "Sign in with a personal API token (Authorization: Bearer) or HTTP Basic: your email and password."
                    : "Sign in with a personal API token: Authorization: Bearer followed by the token.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var readOnly = SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication token
                && token.readOnly();
        write(response, HttpStatus.FORBIDDEN, readOnly ? "This API token is read-only: it cannot change anything."
                : "Your account may not do this.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s"}""".formatted(
                status.getReasonPhrase(), status.value(), detail));
    }
}
