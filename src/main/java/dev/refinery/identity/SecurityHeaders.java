package dev.refinery.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The headers that tell a browser what a page may do, beside Spring Security's own (X-Content-Type-Options: nosniff,
 * X-Frame-Options: DENY, no caching of answers, and HSTS on a request that came over HTTPS, also through a proxy that
 * says so with {@code X-Forwarded-Proto} when {@code server.forward-headers-strategy} is set).
 * <p>
 * The pages' Content-Security-Policy runs scripts and styles from the app's own origin only: no inline script, no
 * {@code eval} (htmx is told {@code allowEval: false} by the layout's {@code htmx-config}), and no inline style either:
 * the templates carry no {@code style} attribute, htmx is told not to inject its indicator style (refinery.css has
 * it) and not to copy {@code style} attributes from an element it swaps out to the one that replaces it (SortableJS
 * leaves {@code style=""} on what was dragged, and htmx's copy is an inline style the browser refuses), so
 * {@code 'unsafe-inline'} is needed for nothing. Scripts that set a style through the DOM (SortableJS while an item is
 * dragged) are not touched by {@code style-src}. Images come from the origin or {@code data:} URLs (the
 * QR code of a guest link is an SVG of the origin). Nothing may frame a page, and forms post only to the origin.
 * <p>
 * Only Swagger UI ({@code /swagger-ui/**}) has a looser policy: its bundle writes inline styles, which its pages need.
 * The API answers JSON, which no browser runs: its policy allows nothing at all.
 */
final class SecurityHeaders {

    static final String PAGES = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String SWAGGER_UI = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final String CSP = "Content-Security-Policy";

    private SecurityHeaders() {
    }

    /** The API's headers: nothing may run, load or frame what it answers, and no referrer leaves it. */
    static void api(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(API))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }

    /**
     * The pages' headers. A guest's link carries its token in the path ({@code /join/...}, {@code /guest/...}): those
     * pages send no referrer at all, the others only their origin to other sites.
     */
    static void pages(HttpSecurity http) throws Exception {
        var path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher swaggerUi = path.matcher("/swagger-ui/**");
        RequestMatcher guests = new OrRequestMatcher(path.matcher("/join/**"), path.matcher("/guest/**"));
        http.headers(headers -> headers
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                    new StaticHeadersWriter(CSP, PAGES)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi, new StaticHeadersWriter(CSP, SWAGGER_UI)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(guests,
                    new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(guests),
                    new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))));
    }
}
