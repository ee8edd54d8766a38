package dev.refinery.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** The export and backup page of a team, the backup download behind its link, and the restore form. */
@Controller
class BackupController {

    private final TeamBackups backups;
    private final Exports exports;
    private final Teams teams;

    BackupController(TeamBackups backups, Exports exports, Teams teams) {
        this.backups = backups;
        this.exports = exports;
        this.teams = teams;
    }

    @GetMapping("/teams/{team}/exports/backup")
    ResponseEntity<String> backup(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return exports.backup(team, me.id()).response();
    }

    @GetMapping("/teams/{team}/restore")
    String page(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String restored, Model model) {
        return page(me, team, restored, FieldErrors.NONE, model);
    }

    @PostMapping("/teams/{team}/restore")
    String restore(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) MultipartFile backup, Model model) throws IOException {
        try {
            var restored = backups.restore(team, backups.read(backup == null ? null : backup.getBytes()), me.account());
            return "redirect:/teams/" + team + "/restore?restored="
                    + UriUtils.encodeQueryParam(restored.toString(), StandardCharsets.UTF_8);
        }
        catch (Rejected rejected) {
            return page(me, team, null, FieldErrors.of(rejected), model);
        }
    }

    private String page(SignedInAccount me, String team, String restored, FieldErrors errors, Model model) {
        var membership = teams.find(team, me.id());
        model.addAttribute("page", new BackupPage(membership.team().key().value(), membership.team().name(),
                membership.facilitator(), restored, errors));
        return "exchange/backup";
    }
}
