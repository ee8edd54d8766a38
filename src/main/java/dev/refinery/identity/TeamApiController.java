package dev.refinery.identity;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams")
class TeamApiController {

    /** A team in a list: its key, name, and the caller's role in it. */
    record TeamSummary(String key, String name, Role role) {

        static TeamSummary of(Membership membership) {
            return new TeamSummary(membership.team().key().value(), membership.team().name(), membership.role());
        }
    }

    record TeamDetails(String key, String name, Role role, List<Member> members) {
    }

    private final Teams teams;

    TeamApiController(Teams teams) {
        this.teams = teams;
    }

    @GetMapping
    @Operation(summary = "The teams the caller is a member of")
    List<TeamSummary> mine(@AuthenticationPrincipal SignedInAccount me) {
        return teams.of(me.id()).stream().map(TeamSummary::of).toList();
    }

    @PostMapping
    @Operation(operationId = "createTeam", summary = "Creates a team; the caller becomes its facilitator")
    ResponseEntity<TeamDetails> create(@AuthenticationPrincipal SignedInAccount me, @Valid @RequestBody NewTeam team,
            UriComponentsBuilder uri) {
        var created = teams.create(team, me.id());
        var key = created.team().key().value();
        return ResponseEntity.created(uri.path("/api/v1/teams/{key}").build(key)).body(details(me, key));
    }

    @GetMapping("/{key}")
    @Operation(summary = "A team and its members; 404 unless the caller is a member")
    TeamDetails team(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key) {
        return details(me, key);
    }

    @PostMapping("/{key}/members")
    @Operation(summary = "Adds an existing account to the team (facilitators only)")
    ResponseEntity<Member> add(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key,
            @Valid @RequestBody NewMember member, UriComponentsBuilder uri) {
        var added = teams.add(key, member, me.id());
        return ResponseEntity.created(uri.path("/api/v1/teams/{key}").build(key)).body(added);
    }

    @GetMapping("/{key}/members")
    @Operation(operationId = "listMembers", summary = "The team's members with their roles; 404 unless the caller is a member")
    List<Member> members(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key) {
        return teams.members(key, me.id());
    }

    @PutMapping("/{key}/members/{account}")
    @Operation(operationId = "changeRole", summary = "Gives a member another role (facilitators only); the team always keeps a facilitator")
    Member changeRole(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key, @PathVariable long account,
            @Valid @RequestBody RoleChange change) {
        return teams.changeRole(key, new AccountId(account), change.role(), me.id());
    }

    @DeleteMapping("/{key}/members/{account}")
    @Operation(operationId = "removeMember",
            summary = "Removes a member (facilitators only); their votes, questions and history keep their name")
    ResponseEntity<Void> remove(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key, @PathVariable long account) {
        teams.remove(key, new AccountId(account), me.id());
        return ResponseEntity.noContent().build();
    }

    private TeamDetails details(SignedInAccount me, String key) {
        var membership = teams.find(key, me.id());
        return new TeamDetails(membership.team().key().value(), membership.team().name(), membership.role(),
                teams.members(key, me.id()));
    }
}
