package dev.refinery.identity;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * The OpenID Connect providers configured by {@code REFINERY_OIDC_<NAME>_ISSUER}, {@code _CLIENT_ID},
 * {@code _CLIENT_SECRET}, {@code _LABEL} and {@code _CREATE_ACCOUNTS} (or the properties
 * {@code refinery.oidc.<name>.issuer}, ...), and whether local passwords are on.
 * <p>
 * A provider's discovery document is read on its first use, not at start: a provider that is down must not keep
 * Refinery from starting. Until it answers, each use asks again, and signing in with it says it is unavailable.
 */
@Component
class SingleSignOn implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);
    private static final Duration TIME_LIMIT = Duration.ofSeconds(5);
    private static final Pattern ISSUER_KEY = Pattern.compile("REFINERY_OIDC_([A-Z0-9]+)_ISSUER");
    private static final Pattern ANY_ISSUER_KEY = Pattern.compile("REFINERY_OIDC_(.+)_ISSUER");

    private final Map<String, OidcProvider> providers;
    private final Map<String, ClientRegistration> resolved = new ConcurrentHashMap<>();
    private final boolean localPasswords;
    /** Built at the first discovery: its TLS set-up (the JDK's trusted certificates) is not part of the start. */
    private final Supplier<RestClient> discovery = SingletonSupplier.of(SingleSignOn::discoveryClient);

    SingleSignOn(ConfigurableEnvironment environment) {
        var found = new LinkedHashMap<String, OidcProvider>();
        for (var name : names(environment)) {
            var prefix = "refinery.oidc." + name + ".";
            found.put(name, new OidcProvider(name, environment.getProperty(prefix + "label"),
                    environment.getProperty(prefix + "issuer"), environment.getProperty(prefix + "client-id"),
                    environment.getProperty(prefix + "client-secret"),
                    environment.getProperty(prefix + "create-accounts", Boolean.class, false)));
        }
        this.providers = Map.copyOf(found);
        var passwords = environment.getProperty("refinery.local-passwords", Boolean.class, true);
        if (!passwords && providers.isEmpty()) {
            log.warn("REFINERY_LOCAL_PASSWORDS=false is ignored: no OpenID Connect provider is configured "
                    + "(REFINERY_OIDC_<NAME>_ISSUER), and without passwords nobody could sign in. Local passwords stay on.");
            passwords = true;
        }
        this.localPasswords = passwords;
        if (!providers.isEmpty()) {
            log.info("Single sign-on with {}; local passwords {}", providers.keySet(), localPasswords ? "on" : "off");
        }
    }

    /**
     * The names of the configured providers, whichever way they were given: an environment variable
     * {@code REFINERY_OIDC_ACME_ISSUER} or a property {@code refinery.oidc.acme.issuer}.
     */
    private static TreeSet<String> names(ConfigurableEnvironment environment) {
        var names = new TreeSet<String>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (var key : enumerable.getPropertyNames()) {
                    var normalised = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
                    var matcher = ISSUER_KEY.matcher(normalised);
                    if (matcher.matches()) {
                        names.add(matcher.group(1).toLowerCase(Locale.ROOT));
                    }
                    else if (ANY_ISSUER_KEY.matcher(normalised).matches()) {
                        log.warn("{} is ignored: a provider's name is letters and digits only, like REFINERY_OIDC_ACME_ISSUER", key);
                    }
                }
            }
        }
        return names;
    }

    /** The providers for the sign-in page, by label. */
    List<OidcProvider> providers() {
        var sorted = new ArrayList<>(providers.values());
        sorted.sort(Comparator.comparing(OidcProvider::label));
        return sorted;
    }

    Optional<OidcProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    boolean any() {
        return !providers.isEmpty();
    }

    /** Whether people may sign in with a password (the form and HTTP Basic); API tokens work either way. */
    boolean localPasswords() {
        return localPasswords;
    }

    /**
     * The provider's registration, read from its discovery document on first use and kept once it answered.
     *
     * @throws ProviderUnavailable when the provider does not answer (or answers nonsense)
     */
    ClientRegistration resolve(OidcProvider provider) {
        var known = resolved.get(provider.name());
        if (known != null) {
            return known;
        }
        try {
            var registration = ClientRegistrations.fromOidcConfiguration(discover(provider))
                .registrationId(provider.name())
                .clientName(provider.label())
                .clientId(provider.clientId())
                .clientSecret(provider.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "email", "profile")
                .userNameAttributeName("sub")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
            resolved.put(provider.name(), registration);
            return registration;
        }
        catch (RuntimeException unreachable) {
            log.warn("The OpenID provider {} at {} is unavailable: {}", provider.name(), provider.issuer(), unreachable.toString());
            throw new ProviderUnavailable(provider, unreachable);
        }
    }

    /**
     * The provider's discovery document, read with time limits (Spring's own reading waits for ever on a provider that
     * accepts the connection and never answers), and checked to be the issuer's own.
     */
    private Map<String, Object> discover(OidcProvider provider) {
        var issuer = provider.issuer().endsWith("/") ? provider.issuer().substring(0, provider.issuer().length() - 1)
                : provider.issuer();
        Map<String, Object> document = discovery.get().get()
            .uri(issuer + "/.well-known/openid-configuration")
            .retrieve()
            .body(new ParameterizedTypeReference<Map<String, Object>>() { });
        if (document == null || !provider.issuer().equals(document.get("issuer"))) {
            throw new IllegalStateException("The discovery document of " + provider.issuer() + " names another issuer: "
                    + (document == null ? null : document.get("issuer")));
        }
        return document;
    }

    private static RestClient discoveryClient() {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(TIME_LIMIT).build());
        factory.setReadTimeout(TIME_LIMIT);
        return RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        var provider = providers.get(registrationId);
        if (provider == null) {
            return null;
        }
        try {
            return resolve(provider);
        }
        catch (ProviderUnavailable unavailable) {
            return null;
        }
    }

    /** A provider whose discovery document could not be read. */
    static final class ProviderUnavailable extends RuntimeException {

        private final transient OidcProvider provider;

        ProviderUnavailable(OidcProvider provider, Throwable cause) {
            super(provider.label() + " sign-in is unavailable right now.", cause);
            this.provider = provider;
        }

        OidcProvider provider() {
            return provider;
        }
    }
}
