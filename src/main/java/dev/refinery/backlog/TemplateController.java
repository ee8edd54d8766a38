package dev.refinery.backlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** The template settings page: which sections make an item ready, and the team's custom fields. */
@Controller
class TemplateController {

    private final TeamTemplates templates;
    private final Teams teams;

    TemplateController(TeamTemplates templates, Teams teams) {
        this.templates = templates;
        this.teams = teams;
    }

    @GetMapping("/teams/{team}/template")
    String template(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String saved, Model model) {
        var template = templates.of(team, me.id());
        var rows = template.customFields().stream()
            .map(f -> new TemplatePage.Row(f.name(), f.type().code(), String.join(", ", f.options()), f.requiredForReady()))
            .toList();
        return page(me, team, template, rows, FieldErrors.NONE, saved != null, model);
    }

    @PostMapping("/teams/{team}/template")
    String save(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        var ready = EnumSet.noneOf(Section.class);
        form.getOrDefault("ready", List.of()).forEach(code -> Section.of(code).ifPresent(ready::add));
        var rows = new ArrayList<TemplatePage.Row>();
        var names = form.getOrDefault("fieldName", List.of());
        var required = form.getOrDefault("fieldRequired", List.of());
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isBlank()) {
                rows.add(new TemplatePage.Row(names.get(i).strip(), value(form, "fieldType", i), value(form, "fieldOptions", i),
                        required.contains(Integer.toString(i))));
            }
        }
        var fields = rows.stream()
            .map(row -> new CustomField(null, row.name(), CustomField.Type.of(row.type()).orElse(null),
                    Arrays.stream(row.options().split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList(),
                    row.required()))
            .toList();
        var version = parse(form.getFirst("version"));
        try {
            templates.save(team, new Template(fields, ready, version), me.id());
            return "redirect:/teams/" + team + "/template?saved=1";
        }
        catch (Rejected rejected) {
            return page(me, team, new Template(List.of(), ready, version), rows, FieldErrors.of(rejected), false, model);
        }
    }

    private String page(SignedInAccount me, String team, Template template, List<TemplatePage.Row> rows,
            FieldErrors errors, boolean saved, Model model) {
        var membership = teams.find(team, me.id());
        model.addAttribute("page", new TemplatePage(team, membership.team().name(), template, rows,
                membership.facilitator(), errors, saved));
        return "backlog/template";
    }

    private static String value(MultiValueMap<String, String> form, String name, int index) {
        var values = form.getOrDefault(name, List.of());
        return index < values.size() ? values.get(index) : "";
    }

    private static int parse(String version) {
        try {
            return Integer.parseInt(version == null ? "0" : version);
        }
        catch (NumberFormatException malformed) {
            return -1;
        }
    }
}
