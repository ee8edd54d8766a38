package dev.refinery.identity;

import java.util.ArrayList;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Two doors. The API under {@code /api} is stateless with personal tokens ({@code Authorization: Bearer}) or, unless
 * {@code refinery.api.http-basic=false} or local passwords are off, HTTP Basic: no cookie ever authenticates it, so it
 * needs no CSRF token. Pages sign in with a form (unless local passwords are off) or an OpenID Connect provider, keep
 * a session, and check a CSRF token on every change.
 */
@Configuration
class SecurityConfiguration {

    static final String REFUSED = "refinery.sign-in.refused";

    private final boolean httpBasic;
    private final SingleSignOn singleSignOn;

    SecurityConfiguration(@Value("${refinery.api.http-basic:true}") boolean httpBasic, SingleSignOn singleSignOn) {
        // HTTP Basic sends a password: off with local passwords too.
        this.httpBasic = httpBasic && singleSignOn.localPasswords();
        this.singleSignOn = singleSignOn;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observations around each security filter, authentication and authorization: nothing here collects them,
     * and wrapping every filter of every request in one took about 3 % of the processor time of a live vote.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiProblemResponses problems, ApiTokens tokens, Accounts accounts,
            PasswordEncoder passwords, SignInThrottle throttle, AuditLog audit) throws Exception {
        var writes = new ApiWrites();
        http
            .securityMatcher("/api/**")
            .authenticationManager(signIn(accounts, passwords, throttle, audit))
            .authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/audit")
                    .access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("ADMIN"), writes))
                .anyRequest().access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(), writes)))
            .addFilterBefore(new BearerTokens(tokens, problems), BasicAuthenticationFilter.class);
        if (httpBasic) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        SecurityHeaders.api(http);
        return http
            .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Accounts accounts, PasswordEncoder passwords, SignInThrottle throttle,
            AuditLog audit, OidcSignIn oidcSignIn) throws Exception {
        var landing = new SavedRequestAwareAuthenticationSuccessHandler();
        landing.setDefaultTargetUrl("/");
        // One manager for every way into the pages: the password (form and HTTP Basic) and the providers' ID tokens.
        var doors = new ArrayList<AuthenticationProvider>();
        if (singleSignOn.localPasswords()) {
            doors.add(passwordProvider(accounts, passwords, throttle, audit));
        }
        if (singleSignOn.any()) {
            doors.add(new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                    oidcSignIn));
        }
        http
            .authenticationManager(new ProviderManager(doors))
            .authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers("/sign-in", "/sign-up", "/setup", "/error").permitAll()
                // Guests of a session: the meeting module checks the link on every request.
                .requestMatchers("/join/**", "/guest/**").permitAll()
                .requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll()
                .requestMatchers("/actuator/**", "/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
            .logout(logout -> logout
                .logoutUrl("/sign-out")
                .logoutSuccessUrl("/sign-in?signed-out"))
            .addFilterBefore(new FirstRunRedirect(accounts), AnonymousAuthenticationFilter.class)
            .addFilterBefore(new DeactivatedSessions(accounts), AnonymousAuthenticationFilter.class);
        if (singleSignOn.localPasswords()) {
            http.formLogin(form -> form
                    .loginPage("/sign-in")
                    .usernameParameter("email")
                    .successHandler((request, response, signedIn) -> {
                        if (signedIn.getPrincipal() instanceof SignedInAccount account) {
                            audit.record(AuditKind.SIGN_IN_SUCCEEDED, account.id(), account.getUsername(),
                                    request.getRemoteAddr(), "Signed in with a password");
                        }
                        landing.onAuthenticationSuccess(request, response, signedIn);
                    })
                    .failureHandler((request, response, refused) -> response.sendRedirect(request.getContextPath()
                            + (refused instanceof SignInLocked locked ? "/sign-in?locked=" + locked.until().getEpochSecond() : "/sign-in?error")))
                    .permitAll());
        }
        if (singleSignOn.any()) {
            var contexts = new HttpSessionSecurityContextRepository();
            http.oauth2Login(login -> login
                .loginPage("/sign-in")
                .clientRegistrationRepository(singleSignOn)
                .authorizedClientRepository(new NoAuthorizedClients())
                .successHandler((request, response, signedIn) -> {
                    // The rest of Refinery knows a signed-in person as a SignedInAccount, whichever way they signed in.
                    var account = ((OidcSignIn.LinkedOidcUser) signedIn.getPrincipal()).account();
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                            account.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                    contexts.saveContext(context, request, response);
                    landing.onAuthenticationSuccess(request, response, context.getAuthentication());
                })
                .failureHandler((request, response, refused) -> {
                    var message = refused.getMessage();
                    if (!(refused instanceof OidcAccounts.OidcRefused)) {
                        // Cancelled at the provider, an expired or replayed answer, a token that did not check out.
                        var name = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
                        var label = singleSignOn.provider(name).map(OidcProvider::label).orElse("your provider");
                        message = "Signing in with " + label + " did not complete. Try again.";
                        audit.record(AuditKind.SIGN_IN_FAILED, null, null, request.getRemoteAddr(),
                                "Sign-in with " + label + " did not complete: " + refused.getMessage());
                    }
                    request.getSession().setAttribute(REFUSED, message);
                    response.sendRedirect(request.getContextPath() + "/sign-in?refused");
                }))
                .addFilterBefore(new ProviderAvailability(singleSignOn), OAuth2AuthorizationRequestRedirectFilter.class);
        }
        if (httpBasic) {
            http.httpBasic(Customizer.withDefaults());
        }
        SecurityHeaders.pages(http);
        return http.build();
    }

    /**
     * Email and password behind the throttle, for the form and for HTTP Basic. Spring Security changes the session id
     * at every sign-in (its session fixation protection), so a session id known before signing in is worth nothing after.
     */
    private static AuthenticationManager signIn(Accounts accounts, PasswordEncoder passwords, SignInThrottle throttle,
            AuditLog audit) {
        return new ProviderManager(passwordProvider(accounts, passwords, throttle, audit));
    }

    private static AuthenticationProvider passwordProvider(Accounts accounts, PasswordEncoder passwords,
            SignInThrottle throttle, AuditLog audit) {
        var checked = new DaoAuthenticationProvider(accounts);
        checked.setPasswordEncoder(passwords);
        return new ThrottledSignIn(checked, throttle, audit);
    }
}
