package dev.refinery.exchange;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import dev.refinery.identity.SignedInAccount;
import dev.refinery.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Tracker sync", description = "Pull a team's backlog from Jira Cloud or a GitHub repository, push agreed estimates back; facilitators set it up")
class SyncApiController {

    private final TrackerSyncs syncs;

    SyncApiController(TrackerSyncs syncs) {
        this.syncs = syncs;
    }

    /** What resolving a conflict sends: {@code ours} or {@code theirs}, and the item's version read. */
    record Resolution(String choice, Integer itemVersion) {
    }

    @GetMapping("/api/v1/teams/{team}/sync")
    @Operation(operationId = "findSync", summary = "The team's sync settings; the API token is never returned, only its last four characters")
    TrackerSync find(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return syncs.settings(team, me.id()).orElseThrow(() -> new NotFound(team + " does not sync with a tracker."));
    }

    @PutMapping("/api/v1/teams/{team}/sync")
    @Operation(operationId = "saveSync", summary = "Sets up or changes the sync: kind jira (siteUrl, accountEmail, jql, pointsField) or github (repository, labelFilter, siteUrl for GitHub Enterprise); version required to change; a blank apiToken keeps the saved one")
    TrackerSync save(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @RequestBody SyncForm form) {
        return syncs.save(team, form, me.id());
    }

    @DeleteMapping("/api/v1/teams/{team}/sync")
    @Operation(operationId = "removeSync", summary = "Stops syncing and forgets the token; the items stay",
            responses = @ApiResponse(responseCode = "204", description = "Removed"))
    ResponseEntity<Void> remove(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        syncs.remove(team, me.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/teams/{team}/sync/runs")
    @Operation(operationId = "startSyncRun", summary = "Pulls now, in the background (or gives the pull already running)",
            responses = @ApiResponse(responseCode = "202", description = "Started; follow it at its Location",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = SyncRun.class))))
    ResponseEntity<SyncRun> start(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            UriComponentsBuilder uri) {
        var run = syncs.syncNow(team, me.id());
        return ResponseEntity.accepted()
            .location(uri.path("/api/v1/teams/{team}/sync/runs/{id}").buildAndExpand(team, run.id()).toUri())
            .body(run);
    }

    @GetMapping("/api/v1/teams/{team}/sync/runs")
    @Operation(operationId = "listSyncRuns", summary = "The latest pulls, newest first, with their progress and errors")
    List<SyncRun> runs(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return syncs.runs(team, me.id());
    }

    @GetMapping("/api/v1/teams/{team}/sync/runs/{id}")
    @Operation(operationId = "findSyncRun", summary = "A pull: pages done, issues seen, items created and updated, conflicts, error")
    SyncRun run(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        return syncs.run(team, id, me.id());
    }

    @GetMapping("/api/v1/teams/{team}/sync/conflicts")
    @Operation(operationId = "listSyncConflicts", summary = "Fields changed both in the tracker and here since the last pull, not yet resolved")
    List<SyncConflict> conflicts(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return syncs.conflicts(team, me.id());
    }

    @PostMapping("/api/v1/teams/{team}/sync/conflicts/{id}/resolution")
    @Operation(operationId = "resolveSyncConflict", summary = "Keeps ours, or takes the tracker's value into the item as it was at itemVersion",
            responses = @ApiResponse(responseCode = "204", description = "Resolved"))
    ResponseEntity<Void> resolve(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable long id, @RequestBody Resolution resolution) {
        syncs.resolve(team, id, resolution.choice(), resolution.itemVersion(), me.account());
        return ResponseEntity.noContent().build();
    }
}
