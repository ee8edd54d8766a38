package dev.refinery.identity;

import java.net.InetAddress;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A real OpenID provider for the single sign-on tests: Spring Authorization Server on 127.0.0.1 at a free port, with
 * discovery, the authorisation code flow with PKCE, signed ID tokens and user info. Its people sign in on its own
 * login form with the password {@link #PASSWORD}; each has a subject, an email, whether that email is verified, and a
 * name. Its clients (one per Refinery provider name) accept the redirect URI of the app at the port it is given later.
 */
final class OpenIdProvider implements AutoCloseable {

    static final String PASSWORD = "provider password";
    static final String SECRET = "client secret of the tests";

    /** A person at the provider; the email may change between sign-ins, the subject never does. */
    record Person(String username, String subject, String email, boolean emailVerified, String name) {
    }

    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final AnnotationConfigServletWebServerApplicationContext context;
    private volatile String appBase = "http://127.0.0.1:0";

    OpenIdProvider() {
        context = new AnnotationConfigServletWebServerApplicationContext();
        context.registerBean(OpenIdProvider.class, () -> this);
        context.register(Server.class);
        context.refresh();
    }

    String issuer() {
        return "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    /** The app whose redirect URIs ({@code base/login/oauth2/code/<name>}) the clients accept. */
    void redirectTo(String base) {
        appBase = base;
    }

    Person add(String username, String email, boolean emailVerified, String name) {
        var person = new Person(username, UUID.randomUUID().toString(), email, emailVerified, name);
        people.put(username, person);
        return person;
    }

    /** The person's email changes at the provider; the subject stays. */
    void changeEmail(String username, String email) {
        people.computeIfPresent(username, (key, person) -> new Person(key, person.subject(), email, true, person.name()));
    }

    @Override
    public void close() {
        context.close();
    }

    /** A test configuration, so that the app's component scan of the test classes leaves it out. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Server {

        @Bean
        JettyServletWebServerFactory webServer() {
            var factory = new JettyServletWebServerFactory(0);
            factory.setAddress(InetAddress.getLoopbackAddress());
            return factory;
        }

        @Bean
        DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
            return new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
        }

        @Bean
        SecurityFilterChain provider(HttpSecurity http) throws Exception {
            return http
                .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .formLogin(Customizer.withDefaults())
                .build();
        }

        @Bean
        UserDetailsService people(OpenIdProvider provider) {
            return username -> {
                var person = provider.people.get(username);
                if (person == null) {
                    throw new UsernameNotFoundException(username);
                }
                return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
            };
        }

        @Bean
        RegisteredClientRepository clients(OpenIdProvider provider) {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    // The server saves a client to upgrade its secret's encoding: these are built from their id anyway.
                }

                @Override
                public RegisteredClient findById(String id) {
                    return findByClientId(id);
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    // Client ids are "refinery-<provider name>"; the provider name ends the redirect URI.
                    if (!clientId.startsWith("refinery-")) {
                        return null;
                    }
                    return RegisteredClient.withId(clientId)
                        .clientId(clientId)
                        .clientSecret("{noop}" + SECRET)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri(provider.appBase + "/login/oauth2/code/" + clientId.substring("refinery-".length()))
                        .scope(OidcScopes.OPENID)
                        .scope(OidcScopes.EMAIL)
                        .scope(OidcScopes.PROFILE)
                        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                        .build();
                }
            };
        }

        /** The ID token says who the person is: their subject, email, whether it is verified, and name. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(OpenIdProvider provider) {
            return context -> {
                var person = provider.people.get(context.getPrincipal().getName());
                if (person != null) {
                    context.getClaims().subject(person.subject());
                    if ("id_token".equals(context.getTokenType().getValue())) {
                        context.getClaims()
                            .claim("email", person.email())
                            .claim("email_verified", person.emailVerified())
                            .claim("name", person.name());
                    }
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
