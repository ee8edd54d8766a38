package dev.refinery.backlog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import dev.refinery.identity.SignedInAccount;
import dev.refinery.shared.Rejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Backlog items on the API. Every item carries an {@code ETag} (its version); a PATCH or DELETE must send it
 * back in {@code If-Match}: 428 without it, 412 when somebody else saved first.
 */
@RestController
@RequestMapping("/api/v1/teams/{team}/items")
@Tag(name = "Backlog items")
class BacklogItemApiController {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,9})\"");

    record ItemList(List<ItemJson> items, int total, int page, int pages) {
    }

    private final BacklogItems items;

    BacklogItemApiController(BacklogItems items) {
        this.items = items;
    }

    @GetMapping
    @Operation(operationId = "listItems", summary = "The team's items, filtered; 100 a page")
    ItemList list(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String workstream, @RequestParam(required = false) String status,
            @RequestParam(required = false) String label, @RequestParam(required = false) String readiness,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page) {
        var found = items.list(team, new BacklogFilter(workstream, status, label, readiness, q, page), me.id());
        return new ItemList(found.items().stream().map(ItemJson::of).toList(), found.total(),
                found.page(), found.pages());
    }

    @PostMapping
    @Operation(operationId = "createItem", summary = "Creates an item; a title is enough",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ItemJson.class))))
    ResponseEntity<ItemJson> create(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestBody JsonNode body, UriComponentsBuilder uri) {
        var created = items.create(team, read(body), me.account());
        return ResponseEntity.created(uri.path("/api/v1/teams/{team}/items/{item}").build(team, created.key()))
            .eTag(etag(created))
            .body(ItemJson.of(created, List.of()));
    }

    @GetMapping("/{item}")
    @Operation(summary = "One item with its readiness; the ETag is its version")
    ResponseEntity<ItemJson> item(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable String item) {
        var found = items.find(team, item, me.id());
        return ResponseEntity.ok().eTag(etag(found)).body(ItemJson.of(found, items.risks(team, item, me.id())));
    }

    @PatchMapping(path = "/{item}", consumes = { "application/json", "application/merge-patch+json" })
    @Operation(operationId = "editItem", summary = "Changes the fields sent (JSON merge patch); If-Match is required",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ItemJson.class)),
                    @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = ItemJson.class)) }),
            responses = @ApiResponse(responseCode = "200", description = "The item as saved, with its new ETag",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ItemJson.class))))
    ResponseEntity<?> edit(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable String item, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode body) {
        var version = version(ifMatch);
        if (version.isEmpty()) {
            return preconditionRequired();
        }
        var edited = items.edit(team, item, version.get(), read(body), me.account());
        return ResponseEntity.ok().eTag(etag(edited)).body(ItemJson.of(edited, items.risks(team, item, me.id())));
    }

    @DeleteMapping("/{item}")
    @Operation(summary = "Marks the item removed (its key is never reused); If-Match is required",
            responses = @ApiResponse(responseCode = "204", description = "Removed"))
    ResponseEntity<?> remove(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable String item, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        var version = version(ifMatch);
        if (version.isEmpty()) {
            return preconditionRequired();
        }
        items.edit(team, item, version.get(), ItemPatch.empty().status(Status.REMOVED), me.account());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{item}/history")
    @Operation(summary = "Every change of the item, newest first")
    List<HistoryEntry> history(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable String item) {
        return items.changes(team, item, me.id());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(StaleItem stale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, stale.getMessage());
        problem.setTitle("Changed since you read it");
        problem.setProperty("changes", stale.changesSince());
        problem.setProperty("current", ItemJson.of(stale.current()));
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(etag(stale.current())).body(problem);
    }

    private static ItemPatch read(JsonNode body) {
        var parsed = ItemPatch.fromJson(body);
        if (!parsed.problems().isEmpty()) {
            throw Rejected.invalid(parsed.problems());
        }
        return parsed.patch();
    }

    private static ResponseEntity<ProblemDetail> preconditionRequired() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
                "Send If-Match with the ETag of the item as you read it, so that nobody's edit is lost.");
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).body(problem);
    }

    static Optional<Integer> version(String ifMatch) {
        if (ifMatch == null) {
            return Optional.empty();
        }
        var matcher = ETAG.matcher(ifMatch.strip());
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static String etag(ItemView view) {
        return "\"" + view.item().version() + "\"";
    }
}
