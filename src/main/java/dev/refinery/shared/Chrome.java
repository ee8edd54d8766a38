package dev.refinery.shared;

import java.util.List;

/**
 * What the layout around every page needs: who is signed in, their teams for the switcher, and the
 * CSRF token that forms and htmx requests send back.
 */
public record Chrome(String displayName, boolean administrator, List<TeamLink> teams, Csrf csrf) {

    public record TeamLink(String key, String name) {
    }

    public record Csrf(String headerName, String parameterName, String token) {
    }

    public Chrome {
        teams = List.copyOf(teams);
    }

    /** The {@code hx-headers} of the page's body: every htmx request sends the CSRF token back. */
    public String hxHeaders() {
        return csrf == null ? null : "{\"%s\": \"%s\"}".formatted(csrf.headerName(), csrf.token());
    }

    public boolean signedIn() {
        return displayName != null;
    }
}
