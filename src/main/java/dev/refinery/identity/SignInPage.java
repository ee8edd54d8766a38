package dev.refinery.identity;

import java.util.List;

/**
 * The sign-in page: the password form unless local passwords are off, and a link per OpenID Connect provider.
 * {@code locked} says when to try again after too many failures; {@code refused} why a provider's sign-in was refused,
 * {@code unavailable} which provider cannot be reached; each is null when there is nothing to say.
 */
public record SignInPage(String email, boolean failed, boolean signedOut, boolean created, boolean signUpOpen, String locked,
        boolean passwords, List<Provider> providers, String refused, String unavailable, boolean passwordsOff) {

    public SignInPage {
        providers = List.copyOf(providers);
    }

    /** A provider's button: its words and where it leads. */
    public record Provider(String label, String url) {
    }
}
