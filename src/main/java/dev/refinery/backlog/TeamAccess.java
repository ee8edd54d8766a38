package dev.refinery.backlog;

import org.springframework.stereotype.Component;

import dev.refinery.identity.AccountId;
import dev.refinery.identity.Membership;
import dev.refinery.identity.Role;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Forbidden;

/** Who may read and who may change a team's backlog: members read; everyone but observers changes. */
@Component
class TeamAccess {

    private final Teams teams;

    TeamAccess(Teams teams) {
        this.teams = teams;
    }

    Membership reader(String teamKey, AccountId viewer) {
        return teams.find(teamKey, viewer);
    }

    Membership writer(String teamKey, AccountId author) {
        var membership = teams.find(teamKey, author);
        if (membership.role() == Role.OBSERVER) {
            throw new Forbidden("Observers read the backlog but do not change it.");
        }
        return membership;
    }

    Membership facilitator(String teamKey, AccountId author) {
        var membership = teams.find(teamKey, author);
        if (!membership.facilitator()) {
            throw new Forbidden("Only a facilitator of " + membership.team().key() + " changes the team's template.");
        }
        return membership;
    }
}
