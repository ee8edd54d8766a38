package dev.refinery.exchange;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import dev.refinery.identity.SignedInAccount;
import dev.refinery.shared.Rejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/teams/{team}/imports")
@Tag(name = "Imports")
class ImportApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportJobs imports;

    ImportApiController(ImportJobs imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(summary = "Imports a file (csv, jira-csv or github-json) in the background; all rows or none, unless validRowsOnly")
    ResponseEntity<ImportJob> upload(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String format,
            @RequestParam(required = false) String mapping, @RequestParam(defaultValue = "false") boolean validRowsOnly,
            UriComponentsBuilder uri) throws IOException {
        var job = imports.upload(team, format, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(), mapping(mapping), validRowsOnly, false, me.id());
        return accepted(team, job, uri);
    }

    @GetMapping
    @Operation(summary = "The team's latest imports, newest first")
    List<ImportJob> recent(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return imports.recent(team, me.id());
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import: its status, progress and the rows it refused, with why")
    ImportJob find(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        return imports.find(team, id, me.id());
    }

    @GetMapping("/{id}/preview")
    @Operation(summary = "A CSV import waiting for its mapping: its columns, first rows and the suggested mapping")
    ImportJobs.Preview preview(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        return imports.preview(team, id, me.id());
    }

    @PostMapping("/{id}/mapping")
    @Operation(summary = "Starts a CSV import with this mapping of column headers to targets")
    ImportJob map(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestBody Map<String, String> mapping) {
        return imports.map(team, id, mapping, me.id());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancels an import; nothing it read is kept")
    ImportJob cancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        return imports.cancel(team, id, me.id());
    }

    @PostMapping("/{id}/valid-rows")
    @Operation(summary = "After a refusal, imports the same file leaving out the rows with problems")
    ResponseEntity<ImportJob> validRows(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable long id, UriComponentsBuilder uri) {
        return accepted(team, imports.importValidRows(team, id, me.id()), uri);
    }

    /** 202 with the job, and where to follow it. */
    private static ResponseEntity<ImportJob> accepted(String team, ImportJob job, UriComponentsBuilder uri) {
        return ResponseEntity.accepted().location(uri.path("/api/v1/teams/{team}/imports/{id}").build(team, job.id()))
            .body(job);
    }

    private static Map<String, String> mapping(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {
            });
        }
        catch (JacksonException unreadable) {
            throw Rejected.invalid("mapping", "Send the mapping as a JSON object of column header to target, like {\"Summary\": \"title\"}.");
        }
    }
}
