package dev.refinery.shared;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the layout around every page needs: who is signed in, their teams for the switcher, and the
 * CSRF token that forms and htmx requests send back. The teams are read only when the layout asks for them: a
 * fragment (a poker hand, an item's section) uses the token and never does.
 */
public record Chrome(String displayName, boolean administrator, Supplier<List<TeamLink>> teamLinks, Csrf csrf) {

    public record TeamLink(String key, String name) {
    }

    public record Csrf(String headerName, String parameterName, String token) {
    }

    public List<TeamLink> teams() {
        return List.copyOf(teamLinks.get());
    }

    /** The {@code hx-headers} of the page's body: every htmx request sends the CSRF token back. */
    public String hxHeaders() {
        return csrf == null ? null : "{\"%s\": \"%s\"}".formatted(csrf.headerName(), csrf.token());
    }

    public boolean signedIn() {
        return displayName != null;
    }
}
