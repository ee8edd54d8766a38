package dev.refinery.backlog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.identity.Role;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.DeadlineForecasts;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * The backlog list and the item page. Each section of an item is edited in place: htmx swaps the section's
 * fragment; without JavaScript the same URLs answer with the whole page.
 */
@Controller
class BacklogItemController {

    private final BacklogItems items;
    private final Workstreams workstreams;
    private final TeamTemplates templates;
    private final Teams teams;
    private final ObjectProvider<DeadlineForecasts> forecasts;

    BacklogItemController(BacklogItems items, Workstreams workstreams, TeamTemplates templates, Teams teams,
            ObjectProvider<DeadlineForecasts> forecasts) {
        this.forecasts = forecasts;
        this.items = items;
        this.workstreams = workstreams;
        this.templates = templates;
        this.teams = teams;
    }

    @GetMapping("/teams/{team}/backlog")
    String backlog(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String workstream, @RequestParam(required = false) String status,
            @RequestParam(required = false) String label, @RequestParam(required = false) String readiness,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        var filter = new BacklogFilter(workstream, status, label, readiness, q, page);
        return backlog(me, team, filter, "", "", FieldErrors.NONE, model);
    }

    @PostMapping("/teams/{team}/items")
    String create(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String workstream,
            Model model) {
        try {
            var created = items.create(team, ItemPatch.empty().title(title).workstream(workstream), me.account());
            return "redirect:/teams/" + team + "/items/" + created.key();
        }
        catch (Rejected rejected) {
            return backlog(me, team, BacklogFilter.all(), title, workstream, FieldErrors.of(rejected), model);
        }
    }

    @GetMapping("/teams/{team}/items/{item}")
    String item(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @RequestParam(required = false) String edit, Model model) {
        var view = items.find(team, item, me.id());
        var editing = edit == null ? null : ItemSection.of(edit).orElse(null);
        var page = page(me, team, view, editing, null, FieldErrors.NONE, null, FieldErrors.NONE, "", "");
        model.addAttribute("page", page);
        return "backlog/item";
    }

    @GetMapping("/teams/{team}/items/{item}/sections/{section}")
    String section(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @PathVariable String section, Model model) {
        var view = items.find(team, item, me.id());
        model.addAttribute("view", sectionView(me, team, view, section(section), false, null, FieldErrors.NONE, null));
        return "backlog/section";
    }

    @GetMapping("/teams/{team}/items/{item}/sections/{section}/edit")
    String editSection(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @PathVariable String section, Model model) {
        var view = items.find(team, item, me.id());
        model.addAttribute("view", sectionView(me, team, view, section(section), true, null, FieldErrors.NONE, null));
        return "backlog/section";
    }

    @PostMapping("/teams/{team}/items/{item}/sections/{section}")
    String saveSection(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @PathVariable String section, @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var part = section(section);
        var template = templates.of(team, me.id());
        var form = SectionForm.of(params);
        var parsed = form.parse(part, template);
        var seen = version(params.getFirst("version"));
        ItemView saved;
        try {
            if (!parsed.problems().isEmpty()) {
                throw Rejected.invalid(parsed.problems());
            }
            saved = items.edit(team, item, seen, parsed.patch(), me.account());
        }
        catch (Rejected rejected) {
            var current = items.find(team, item, me.id());
            var stillSeen = new ItemView(new BacklogItem(current.item().id(), current.key(), current.content(), seen,
                    current.item().updatedAt()), current.readiness());
            return failed(me, team, stillSeen, part, form, FieldErrors.of(rejected), null, htmx, model);
        }
        catch (StaleItem stale) {
            return failed(me, team, stale.current(), part, form, FieldErrors.NONE, stale.getMessage(), htmx, model);
        }
        if (htmx == null) {
            return "redirect:/teams/" + team + "/items/" + saved.key() + "#section-" + part.code();
        }
        model.addAttribute("view", sectionView(me, team, saved, part, false, null, FieldErrors.NONE, null));
        model.addAttribute("history", items.history(team, item, me.id()));
        return "backlog/section-response";
    }

    @PostMapping("/teams/{team}/items/{item}/follow-ups")
    String followUp(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @RequestParam(defaultValue = "") String title, Model model) {
        try {
            var created = items.followUp(team, item, title, me.account());
            return "redirect:/teams/" + team + "/items/" + created.key();
        }
        catch (Rejected rejected) {
            var errors = new FieldErrors(rejected.errors().containsKey("title")
                    ? Map.of("followUp.title", rejected.errors().get("title")) : rejected.errors());
            model.addAttribute("page", page(me, team, items.find(team, item, me.id()), null, null, FieldErrors.NONE, null,
                    errors, title, ""));
            return "backlog/item";
        }
    }

    @PostMapping("/teams/{team}/items/{item}/split")
    String split(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @RequestParam(defaultValue = "") String titles, @RequestParam(defaultValue = "false") boolean removeParent,
            @RequestParam(defaultValue = "0") String version, Model model) {
        try {
            items.split(team, item, version(version), Arrays.asList(titles.split("\\R")), removeParent,
                    me.account());
            return "redirect:/teams/" + team + "/items/" + item + "#related";
        }
        catch (Rejected rejected) {
            model.addAttribute("page", page(me, team, items.find(team, item, me.id()), null, null, FieldErrors.NONE, null,
                    new FieldErrors(Map.of("titles", rejected.getMessage())), "", titles));
            return "backlog/item";
        }
        catch (StaleItem stale) {
            model.addAttribute("page", page(me, team, stale.current(), null, null, FieldErrors.NONE, null,
                    new FieldErrors(Map.of("titles", stale.getMessage())), "", titles));
            return "backlog/item";
        }
    }

    private String failed(SignedInAccount me, String team, ItemView view, ItemSection part, SectionForm form,
            FieldErrors errors, String message, String htmx, Model model) {
        if (htmx != null) {
            model.addAttribute("view", sectionView(me, team, view, part, true, form, errors, message));
            return "backlog/section";
        }
        model.addAttribute("page", page(me, team, view, part, form, errors, message, FieldErrors.NONE, "", ""));
        return "backlog/item";
    }

    private String backlog(SignedInAccount me, String team, BacklogFilter filter, String newTitle, String newWorkstream,
            FieldErrors errors, Model model) {
        var membership = teams.find(team, me.id());
        model.addAttribute("page", new BacklogListPage(team, membership.team().name(), items.list(team, filter, me.id()),
                filter, workstreams.of(team, me.id()), items.labels(team, me.id()), membership.role() != Role.OBSERVER,
                newTitle, newWorkstream, errors));
        return "backlog/backlog";
    }

    private ItemPage page(SignedInAccount me, String team, ItemView view, ItemSection editing, SectionForm form,
            FieldErrors errors, String message, FieldErrors pageErrors, String followUpTitle, String splitTitles) {
        var membership = teams.find(team, me.id());
        var context = sections(me, team);
        var sections = Arrays.stream(ItemSection.values())
            .map(section -> section == editing
                    ? context.view(view, section, true, form, errors, message)
                    : context.view(view, section, false, null, FieldErrors.NONE, null))
            .toList();
        return new ItemPage(team, membership.team().name(), view, sections,
                items.history(team, view.key().toString(), me.id()), items.risks(team, view.key().toString(), me.id()),
                items.related(team, view.key().toString(), me.id()),
                context.canEdit(), pageErrors, followUpTitle, splitTitles, deadlineRisk(me, team, view));
    }

    private String deadlineRisk(SignedInAccount me, String team, ItemView view) {
        if (view.content().deadline() == null) {
            return null;
        }
        return forecasts.stream().findFirst()
            .map(forecast -> forecast.atRisk(team, me.id().value()).get(view.key().number()))
            .orElse(null);
    }

    /** What every section of one team's item page needs, read once per request. */
    private record Sections(String team, Template template, List<Workstream> workstreams, boolean canEdit) {

        SectionView view(ItemView view, ItemSection section, boolean editing, SectionForm form, FieldErrors errors,
                String message) {
            var shown = form != null ? form : SectionForm.of(section, view.content(), template);
            return new SectionView(team, view, section, editing && canEdit, shown, errors, message, template,
                    workstreams, canEdit);
        }
    }

    private Sections sections(SignedInAccount me, String team) {
        return new Sections(team, templates.of(team, me.id()), workstreams.of(team, me.id()),
                teams.find(team, me.id()).role() != Role.OBSERVER);
    }

    private SectionView sectionView(SignedInAccount me, String team, ItemView view, ItemSection section, boolean editing,
            SectionForm form, FieldErrors errors, String message) {
        return sections(me, team).view(view, section, editing, form, errors, message);
    }

    private static ItemSection section(String code) {
        return ItemSection.of(code).orElseThrow(() -> new NotFound("No section " + code + "."));
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        }
        catch (NumberFormatException missing) {
            return -1;
        }
    }
}
