package dev.refinery.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An OpenID Connect provider as the administrator configured it ({@code REFINERY_OIDC_<NAME>_ISSUER} and its
 * siblings). Its name is the registration id in {@code /oauth2/authorization/{name}} and
 * {@code /login/oauth2/code/{name}}; the label is what the sign-in button says.
 */
record OidcProvider(String name, String label, String issuer, String clientId, String clientSecret, boolean createAccounts) {

    static final Pattern NAME = Pattern.compile("[a-z0-9]{1,40}");

    OidcProvider {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An OpenID provider's name is 1 to 40 small letters and digits, not " + name);
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("The OpenID provider " + name + " has no issuer (REFINERY_OIDC_"
                    + name.toUpperCase(Locale.ROOT) + "_ISSUER)");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("The OpenID provider " + name + " has no client id (REFINERY_OIDC_"
                    + name.toUpperCase(Locale.ROOT) + "_CLIENT_ID)");
        }
        label = label == null || label.isBlank() ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : label.strip();
        clientSecret = clientSecret == null ? "" : clientSecret;
    }

    /** Where the sign-in page's button leads: a plain GET link, so that the CSP's {@code form-action 'self'} holds. */
    String signInUrl() {
        return "/oauth2/authorization/" + name;
    }
}
