package dev.refinery.identity;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.shared.Forbidden;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * Teams and their members. Every read goes through a member: a team that the caller is not a member of
 * is {@link NotFound}, exactly like a team that does not exist.
 */
@Component
public class Teams {

    private final TeamRepository teams;
    private final AccountRepository accounts;
    private final Clock clock;
    private final AuditLog audit;

    Teams(TeamRepository teams, AccountRepository accounts, Clock clock, AuditLog audit) {
        this.teams = teams;
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
    }

    /** Creates a team whose creator is its first facilitator. */
    @Transactional
    public Membership create(NewTeam team, AccountId creator) {
        var key = new TeamKey(team.key());
        if (teams.keyTaken(key)) {
            throw taken(key);
        }
        try {
            var created = teams.insert(key, team.name().strip(), clock.instant());
            teams.addMember(created.id(), creator, Role.FACILITATOR, clock.instant());
            return new Membership(created, Role.FACILITATOR);
        }
        catch (DuplicateKeyException raced) {
            throw taken(key);
        }
    }

    public List<Membership> of(AccountId account) {
        return teams.memberships(account);
    }

    /** The team as the given account sees it; not found unless that account is a member. */
    public Membership find(String key, AccountId viewer) {
        return TeamKey.parse(key)
            .flatMap(teamKey -> teams.membership(teamKey, viewer))
            .orElseThrow(() -> new NotFound("No team " + key + " among your teams."));
    }

    /**
     * The members of a team, for work that a member's request was already allowed to start (a live room
     * filling in, an event): no access check here.
     */
    public List<Member> roster(TeamId team) {
        return teams.members(team);
    }

    /** A team by its key, for the same kind of work; no access check here. */
    public java.util.Optional<Team> team(String key) {
        return TeamKey.parse(key).flatMap(teams::byKey);
    }

    public List<Member> members(String key, AccountId viewer) {
        return teams.members(find(key, viewer).team().id());
    }

    /** Adds an existing account to a team; only the team's facilitators may. */
    @Transactional
    public Member add(String key, NewMember member, AccountId by) {
        var team = find(key, by);
        if (!team.facilitator()) {
            throw new Forbidden("Only a facilitator of " + team.team().key() + " can add members.");
        }
        var account = accounts.find(Accounts.normalised(member.email()))
            .orElseThrow(() -> Rejected.invalid("email", "No account has this email. An administrator creates accounts."));
        var role = Role.of(member.role()).orElseThrow(() -> Rejected.invalid("role", "Choose a role: facilitator, pm, engineer or observer."));
        if (teams.membership(team.team().key(), account.id()).isPresent()) {
            throw Rejected.conflict("email", account.displayName() + " is already a member of " + team.team().key() + ".");
        }
        teams.addMember(team.team().id(), account.id(), role, clock.instant());
        audit.record(AuditKind.MEMBER_ADDED, account.email() + " to " + team.team().key() + " as " + role.label());
        return new Member(account.id(), account.displayName(), account.email(), role);
    }

    /** Gives a member another role; only facilitators may, and the team always keeps a facilitator. */
    @Transactional
    public Member changeRole(String key, AccountId member, String role, AccountId by) {
        var newRole = Role.of(role).orElseThrow(() -> Rejected.invalid("role", "Choose a role: facilitator, pm, engineer or observer."));
        var team = facilitated(key, by, "change roles");
        var current = teams.role(team.id(), member).orElseThrow(() -> noMember(team, member));
        if (newRole != Role.FACILITATOR) {
            keepAFacilitator(team, current, "role", "give them another role");
        }
        teams.changeRole(team.id(), member, newRole);
        var changed = teams.members(team.id()).stream().filter(m -> m.account().equals(member)).findFirst().orElseThrow();
        audit.record(AuditKind.ROLE_CHANGED, changed.email() + " in " + team.key() + ": " + current.label() + " to "
                + newRole.label());
        return changed;
    }

    /**
     * Removes a member from the team; only facilitators may, and the team always keeps a facilitator. What they did
     * stays with their name (votes, questions and history keep it).
     */
    @Transactional
    public void remove(String key, AccountId member, AccountId by) {
        var team = facilitated(key, by, "remove members");
        var current = teams.role(team.id(), member).orElseThrow(() -> noMember(team, member));
        keepAFacilitator(team, current, "member", "remove them");
        teams.removeMember(team.id(), member);
        var email = accounts.find(member).map(Account::email).orElse("account " + member.value());
        audit.record(AuditKind.MEMBER_REMOVED, email + " from " + team.key() + " (was " + current.label() + ")");
    }

    /** The team, locked for this transaction, once the caller's role read under the lock says they facilitate it. */
    private Team facilitated(String key, AccountId by, String what) {
        var team = find(key, by).team();
        teams.lock(team.id());
        if (teams.role(team.id(), by).filter(role -> role == Role.FACILITATOR).isEmpty()) {
            throw new Forbidden("Only a facilitator of " + team.key() + " can " + what + ".");
        }
        return team;
    }

    private void keepAFacilitator(Team team, Role current, String field, String what) {
        if (current == Role.FACILITATOR && teams.facilitators(team.id()) == 1) {
            throw Rejected.conflict(field, "This is the only facilitator of " + team.key()
                    + ": make another member facilitator before you " + what + ".");
        }
    }

    private static NotFound noMember(Team team, AccountId member) {
        return new NotFound("Account " + member.value() + " is not a member of " + team.key() + ".");
    }

    private static Rejected taken(TeamKey key) {
        return Rejected.conflict("key", "The key " + key + " is taken by another team: choose another.");
    }
}
