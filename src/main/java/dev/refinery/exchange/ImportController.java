package dev.refinery.exchange;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.refinery.identity.Role;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

@Controller
class ImportController {

    /** Form fields of the mapping step: one per column header, named by this prefix and the header. */
    static final String COLUMN = "column:";

    private final ImportJobs imports;
    private final Teams teams;

    ImportController(ImportJobs imports, Teams teams) {
        this.imports = imports;
        this.teams = teams;
    }

    @GetMapping("/teams/{team}/imports")
    String start(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, Model model) {
        return start(me, team, ImportFormat.JIRA_CSV.code(), FieldErrors.NONE, model);
    }

    @PostMapping("/teams/{team}/imports")
    String upload(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String format, Model model)
            throws IOException {
        try {
            var job = imports.upload(team, format, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), null, false, true, me.id());
            return "redirect:/teams/" + team + "/imports/" + job.id();
        }
        catch (Rejected rejected) {
            return start(me, team, format, FieldErrors.of(rejected), model);
        }
    }

    @GetMapping("/teams/{team}/imports/{id}")
    String job(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var job = imports.find(team, id, me.id());
        if (job.status() == ImportJob.Status.MAPPING && htmx == null) {
            return mapping(me, team, job, null, FieldErrors.NONE, model);
        }
        var membership = teams.find(team, me.id());
        model.addAttribute("page", new ImportPages.Job(team, membership.team().name(), job,
                membership.role() != Role.OBSERVER));
        return htmx != null ? "exchange/import-status" : "exchange/import-job";
    }

    /**
     * Starts an import from its preview: a CSV with the column mapping of the form, a Jira or GitHub file with the
     * choices of the form; the button "Show the preview again" only shows what those choices give.
     */
    @PostMapping("/teams/{team}/imports/{id}/mapping")
    String map(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form, @RequestParam(defaultValue = "import") String action,
            Model model) {
        var job = imports.find(team, id, me.id());
        var mapping = new LinkedHashMap<String, String>();
        form.forEach((name, values) -> {
            if (job.format() != ImportFormat.CSV && !values.isEmpty()) {
                mapping.put(name, values.getFirst());
            }
            else if (name.startsWith(COLUMN) && !values.isEmpty()) {
                mapping.put(name.substring(COLUMN.length()), values.getFirst());
            }
        });
        try {
            if (job.format() != ImportFormat.CSV && action.equals("preview")) {
                return mapping(me, team, job, mapping, FieldErrors.NONE, model);
            }
            imports.map(team, id, mapping, me.id());
            return "redirect:/teams/" + team + "/imports/" + id;
        }
        catch (Rejected rejected) {
            return mapping(me, team, imports.find(team, id, me.id()), mapping, FieldErrors.of(rejected), model);
        }
    }

    @PostMapping("/teams/{team}/imports/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        imports.cancel(team, id, me.id());
        return "redirect:/teams/" + team + "/imports/" + id;
    }

    @PostMapping("/teams/{team}/imports/{id}/valid-rows")
    String validRows(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        var job = imports.importValidRows(team, id, me.id());
        return "redirect:/teams/" + team + "/imports/" + job.id();
    }

    private String start(SignedInAccount me, String team, String format, FieldErrors errors, Model model) {
        var membership = teams.find(team, me.id());
        model.addAttribute("page", new ImportPages.Start(team, membership.team().name(),
                membership.role() != Role.OBSERVER, Arrays.asList(ImportFormat.values()), format,
                imports.recent(team, me.id()), errors));
        return "exchange/imports";
    }

    /** The preview of a waiting import, with what the person chose so far ({@code null}: nothing yet). */
    private String mapping(SignedInAccount me, String team, ImportJob job, Map<String, String> chosen,
            FieldErrors errors, Model model) {
        var membership = teams.find(team, me.id());
        var csv = job.format() == ImportFormat.CSV;
        model.addAttribute("page", new ImportPages.Mapping(team, membership.team().name(), job,
                csv ? imports.preview(team, job.id(), me.id()) : null,
                csv ? null : imports.filePreview(team, job.id(), errors.byField().isEmpty() ? chosen : null, me.id()),
                chosen == null ? Map.of() : chosen, errors));
        return "exchange/import-mapping";
    }
}
