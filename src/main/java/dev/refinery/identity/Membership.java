package dev.refinery.identity;

/** A team as one of its members sees it: the team and that member's role in it. */
public record Membership(Team team, Role role) {

    public boolean facilitator() {
        return role == Role.FACILITATOR;
    }
}
