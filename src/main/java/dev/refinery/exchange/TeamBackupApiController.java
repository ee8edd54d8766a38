package dev.refinery.exchange;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.refinery.identity.SignedInAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams/{team}")
@Tag(name = "Exports and backups")
class TeamBackupApiController {

    private final TeamBackups backups;
    private final Exports exports;

    TeamBackupApiController(TeamBackups backups, Exports exports) {
        this.backups = backups;
        this.exports = exports;
    }

    @GetMapping("/exports/backup")
    @Operation(summary = "The whole team as one JSON document, format version 1 (facilitators)")
    ResponseEntity<String> backup(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return exports.backup(team, me.id()).response();
    }

    @PostMapping(path = "/restore", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Restores a backup into this team, which must have no items, workstreams or custom fields "
            + "(facilitators); all or nothing")
    TeamBackups.Restored restore(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestBody byte[] backup) {
        return backups.restore(team, backups.read(backup), me.account());
    }
}
