package dev.refinery.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read {@code /actuator/prometheus}: a scraper with the bearer token of {@code refinery.metrics.token}, or an
 * administrator by HTTP Basic; anyone when {@code refinery.metrics.open} is set (a scraper on a private network).
 * Without a token and not open, only administrators. Anonymous callers get 401, other members 403.
 */
@Configuration(proxyBeanMethods = false)
class MetricsScraper {

    static final String PATH = "/actuator/prometheus";
    static final int SHORTEST_TOKEN = 16;

    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, @Value("${refinery.metrics.token:}") String token,
            @Value("${refinery.metrics.open:false}") boolean open) throws Exception {
        return http
            .securityMatcher(PATH)
            .authorizeHttpRequests(requests -> {
                if (open) {
                    requests.anyRequest().permitAll();
                }
                else {
                    requests.anyRequest().hasAnyRole("ADMIN", "SCRAPER");
                }
            })
            .addFilterBefore(new BearerToken(checked(token)), BasicAuthenticationFilter.class)
            .httpBasic(Customizer.withDefaults())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .build();
    }

    /** The configured token, or none; a short one stops the start, since it could be guessed. */
    static String checked(String token) {
        if (!token.isEmpty() && token.length() < SHORTEST_TOKEN) {
            throw new IllegalStateException("REFINERY_METRICS_TOKEN (refinery.metrics.token) has at least " + SHORTEST_TOKEN
                    + " characters: a short one can be guessed.");
        }
        return token;
    }

    /** Signs in a request whose bearer token is the configured one; compared in constant time. */
    static final class BearerToken extends OncePerRequestFilter {

        private final byte[] expected;

        BearerToken(String token) {
            this.expected = token.isEmpty() ? null : digest(token);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && matches(header.substring(7).strip())) {
                var scraper = UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                        List.of(new SimpleGrantedAuthority("ROLE_SCRAPER")));
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(scraper);
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }

        boolean matches(String presented) {
            // digests of equal length: the comparison takes as long whatever the token's length or first wrong character
            return expected != null && MessageDigest.isEqual(expected, digest(presented));
        }

        private static byte[] digest(String token) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            }
            catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("Every JDK has SHA-256", impossible);
            }
        }
    }
}
