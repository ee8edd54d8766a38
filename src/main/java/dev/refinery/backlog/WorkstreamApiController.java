package dev.refinery.backlog;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import dev.refinery.identity.SignedInAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams/{team}/workstreams")
@Tag(name = "Workstreams")
class WorkstreamApiController {

    record NewWorkstream(String name, String description) {
    }

    private final Workstreams workstreams;

    WorkstreamApiController(Workstreams workstreams) {
        this.workstreams = workstreams;
    }

    @GetMapping
    @Operation(operationId = "listWorkstreams", summary = "The team's workstreams, archived ones last")
    List<Workstream> list(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return workstreams.of(team, me.id());
    }

    @PostMapping
    @Operation(operationId = "createWorkstream", summary = "Creates a workstream")
    ResponseEntity<Workstream> create(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestBody NewWorkstream workstream, UriComponentsBuilder uri) {
        var created = workstreams.create(team, workstream.name(), workstream.description(), me.id());
        return ResponseEntity.created(uri.path("/api/v1/teams/{team}/workstreams").build(team)).body(created);
    }
}
