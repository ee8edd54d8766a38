package dev.refinery.exchange;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.identity.SignedInAccount;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/** The downloads behind the links on the pages (the API's twins, for a signed-in browser). */
@Controller
class ExportController {

    private final Exports exports;

    ExportController(Exports exports) {
        this.exports = exports;
    }

    @GetMapping("/teams/{team}/exports/queue")
    ResponseEntity<String> queue(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String format) {
        try {
            return exports.queue(team, format, me.id()).response();
        }
        catch (Rejected unknownFormat) {
            throw new NotFound("There is no download of the queue as " + format + ": csv, md or json.");
        }
    }
}
