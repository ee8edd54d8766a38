package dev.refinery.exchange;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.refinery.identity.SignedInAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams/{team}/exports")
@Tag(name = "Exports and backups")
class QueueExportApiController {

    private final Exports exports;

    QueueExportApiController(Exports exports) {
        this.exports = exports;
    }

    @GetMapping("/queue")
    @Operation(operationId = "exportQueue", summary = "The whole ranked queue as a file to download: format=csv, md or json (any member)")
    ResponseEntity<String> queue(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String format) {
        return exports.queue(team, format, me.id()).response();
    }
}
