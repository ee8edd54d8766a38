package dev.refinery.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The providers as the administrator writes them, in environment variables or properties, and who may use a password. */
class SingleSignOnTests {

    @Test
    void readsProvidersFromEnvironmentVariables() {
        var sso = new SingleSignOn(environment(Map.of(
                "REFINERY_OIDC_ACME_ISSUER", "https://login.acme.test",
                "REFINERY_OIDC_ACME_CLIENT_ID", "refinery",
                "REFINERY_OIDC_ACME_CLIENT_SECRET", "s3cret",
                "REFINERY_OIDC_ACME_CREATE_ACCOUNTS", "true",
                "REFINERY_OIDC_CORP_ISSUER", "https://sso.corp.test/realms/main",
                "REFINERY_OIDC_CORP_CLIENT_ID", "refinery-app",
                "REFINERY_OIDC_CORP_LABEL", "Corp SSO")));

        assertThat(sso.providers()).containsExactly(
                new OidcProvider("acme", "Acme", "https://login.acme.test", "refinery", "s3cret", true),
                new OidcProvider("corp", "Corp SSO", "https://sso.corp.test/realms/main", "refinery-app", "", false));
        assertThat(sso.providers().getFirst().signInUrl()).isEqualTo("/oauth2/authorization/acme");
        assertThat(sso.localPasswords()).isTrue();
    }

    @Test
    void turnsLocalPasswordsOffOnlyWhenAProviderIsThere() {
        var withProvider = new SingleSignOn(environment(Map.of(
                "REFINERY_LOCAL_PASSWORDS", "false",
                "REFINERY_OIDC_ACME_ISSUER", "https://login.acme.test",
                "REFINERY_OIDC_ACME_CLIENT_ID", "refinery")));
        assertThat(withProvider.localPasswords()).isFalse();

        var withoutProvider = new SingleSignOn(environment(Map.of("REFINERY_LOCAL_PASSWORDS", "false")));
        assertThat(withoutProvider.any()).isFalse();
        assertThat(withoutProvider.localPasswords()).as("nobody could sign in otherwise").isTrue();
    }

    @Test
    void refusesToStartWithAProviderWithoutClientId() {
        assertThatThrownBy(() -> new SingleSignOn(environment(Map.of("REFINERY_OIDC_ACME_ISSUER", "https://login.acme.test"))))
            .hasMessage("The OpenID provider acme has no client id (REFINERY_OIDC_ACME_CLIENT_ID)");
    }

    @Test
    void saysAProviderThatDoesNotAnswerIsUnavailable() {
        var sso = new SingleSignOn(environment(Map.of(
                "refinery.oidc.gone.issuer", "http://127.0.0.1:1",
                "refinery.oidc.gone.client-id", "refinery")));

        assertThat(sso.findByRegistrationId("gone")).isNull();
        assertThat(sso.findByRegistrationId("other")).isNull();
        assertThatThrownBy(() -> sso.resolve(sso.provider("gone").orElseThrow()))
            .hasMessage("Gone sign-in is unavailable right now.");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        var properties = variables.entrySet().stream().filter(entry -> entry.getKey().contains("."))
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var environmentVariables = variables.entrySet().stream().filter(entry -> !entry.getKey().contains("."))
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        sources.addLast(new MapPropertySource("properties", properties));
        sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                environmentVariables));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}
