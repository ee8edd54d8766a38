package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.backlog.Importance;
import dev.refinery.backlog.Workstreams;
import dev.refinery.identity.Role;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.DeadlineForecasts;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** The queue page with drag-to-pin, the scoring settings with their preview, and the value/effort matrix. */
@Controller
class QueueController {

    private final PriorityQueues queues;
    private final ScoringModels models;
    private final Workstreams workstreams;
    private final Teams teams;
    private final ObjectProvider<DeadlineForecasts> forecasts;

    QueueController(PriorityQueues queues, ScoringModels models, Workstreams workstreams, Teams teams,
            ObjectProvider<DeadlineForecasts> forecasts) {
        this.forecasts = forecasts;
        this.queues = queues;
        this.models = models;
        this.workstreams = workstreams;
        this.teams = teams;
    }

    @GetMapping("/teams/{team}/queue")
    String queue(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String workstream, @RequestParam(defaultValue = "1") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("page", queuePage(me, team, workstream, page, FieldErrors.NONE));
        return htmx != null ? "prioritization/queue-list" : "prioritization/queue";
    }

    @PostMapping("/teams/{team}/queue/pins")
    String pin(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @RequestParam String item,
            @RequestParam String anchor, @RequestParam String placement, @RequestParam(required = false) String workstream,
            @RequestParam(defaultValue = "1") int page, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        var errors = FieldErrors.NONE;
        try {
            queues.pin(team, item, anchor, placement.equals("above") ? Pin.Placement.ABOVE : Pin.Placement.BELOW, me.id());
        }
        catch (Rejected rejected) {
            errors = FieldErrors.of(rejected);
        }
        if (htmx == null && errors == FieldErrors.NONE) {
            return "redirect:" + QueueView.url(team, workstream, page);
        }
        model.addAttribute("page", queuePage(me, team, workstream, page, errors));
        return htmx != null ? "prioritization/queue-list" : "prioritization/queue";
    }

    @PostMapping("/teams/{team}/queue/unpin")
    String unpin(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @RequestParam String item,
            @RequestParam(required = false) String workstream, @RequestParam(defaultValue = "1") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        queues.unpin(team, item, me.id());
        if (htmx == null) {
            return "redirect:" + QueueView.url(team, workstream, page);
        }
        model.addAttribute("page", queuePage(me, team, workstream, page, FieldErrors.NONE));
        return "prioritization/queue-list";
    }

    @GetMapping("/teams/{team}/matrix")
    String matrix(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, Model model) {
        var membership = teams.find(team, me.id());
        model.addAttribute("page", new MatrixPage(team, membership.team().name(), queues.matrix(team, me.id())));
        return "prioritization/matrix";
    }

    @GetMapping("/teams/{team}/scoring")
    String scoring(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String saved, Model model) {
        var current = models.of(team, me.id());
        model.addAttribute("page", scoringPage(me, team, ScoringForm.of(current), List.of(), FieldErrors.NONE, saved != null));
        return "prioritization/scoring";
    }

    @PostMapping("/teams/{team}/scoring")
    String choose(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, ScoringForm form,
            @RequestParam(defaultValue = "save") String action, Model model) {
        try {
            var draft = form.toModel();
            if (action.equals("preview")) {
                model.addAttribute("page", scoringPage(me, team, form, models.preview(team, draft, 5, me.id()),
                        FieldErrors.NONE, false));
                return "prioritization/scoring";
            }
            models.choose(team, draft, me.id());
            return "redirect:/teams/" + team + "/scoring?saved=1";
        }
        catch (Rejected rejected) {
            model.addAttribute("page", scoringPage(me, team, form, List.of(), FieldErrors.of(rejected), false));
            return "prioritization/scoring";
        }
    }

    private QueueView queuePage(SignedInAccount me, String team, String workstream, int page, FieldErrors errors) {
        var membership = teams.find(team, me.id());
        var queue = queues.page(team, workstream, page, me.id());
        var risks = queue.entries().stream().anyMatch(entry -> entry.deadline() != null)
                ? forecasts.stream().findFirst().map(forecast -> forecast.atRisk(team, me.id().value())).orElse(Map.of())
                : Map.<Integer, String>of();
        return new QueueView(team, membership.team().name(), workstream, queue, workstreams.of(team, me.id()),
                membership.role() != Role.OBSERVER, errors, risks);
    }

    private ScoringPage scoringPage(SignedInAccount me, String team, ScoringForm form, List<ScoringModels.Preview> preview,
            FieldErrors errors, boolean saved) {
        var membership = teams.find(team, me.id());
        return new ScoringPage(team, membership.team().name(), form, preview,
                membership.facilitator() || membership.role() == Role.PM, errors, saved);
    }

    /** The scoring form as the browser sends it; custom inputs are lines of "name, label, min, max". */
    public record ScoringForm(String model, String formula, String customInputs, String daysPerPoint, Boolean deadlineUrgency,
            String horizonDays, Integer version) {

        static ScoringForm of(ScoringModel model) {
            return new ScoringForm(model.kind().code(), model.formula(), String.join("\n", model.customInputs().stream()
                .map(input -> input.name() + ", " + input.label() + ", " + Scorer.display(input.min()) + ", "
                        + Scorer.display(input.max()))
                .toList()), model.daysPerPoint().toPlainString(), model.deadlineUrgency(),
                    Integer.toString(model.horizonDays()), model.version());
        }

        ScoringModel toModel() {
            var kind = ModelKind.of(model == null ? "" : model)
                .orElseThrow(() -> Rejected.invalid("model", "Choose a model."));
            var inputs = customInputs == null || customInputs.isBlank() ? List.<Importance>of()
                    : customInputs.lines().filter(line -> !line.isBlank()).map(ScoringForm::input).toList();
            BigDecimal days;
            int horizon;
            try {
                days = new BigDecimal(daysPerPoint == null ? "" : daysPerPoint.strip().replace(',', '.'));
            }
            catch (NumberFormatException notANumber) {
                throw Rejected.invalid("daysPerPoint", "Days per point is a number, like 0.5.");
            }
            try {
                horizon = Integer.parseInt(horizonDays == null ? "" : horizonDays.strip());
            }
            catch (NumberFormatException notANumber) {
                throw Rejected.invalid("horizonDays", "A whole number of days, like 30.");
            }
            return new ScoringModel(kind, formula, inputs, days, urgent(), horizon, version == null ? -1 : version);
        }

        /** An unticked checkbox sends nothing. */
        public boolean urgent() {
            return Boolean.TRUE.equals(deadlineUrgency);
        }

        private static Importance input(String line) {
            var parts = Arrays.stream(line.split(",")).map(String::strip).toList();
            try {
                return new Importance(parts.get(0), parts.size() > 1 ? parts.get(1) : parts.get(0), "",
                        parts.size() > 2 ? new BigDecimal(parts.get(2)) : BigDecimal.ZERO,
                        parts.size() > 3 ? new BigDecimal(parts.get(3)) : new BigDecimal("1000"), false);
            }
            catch (RuntimeException unreadable) {
                throw Rejected.invalid("customInputs", "Write each input as: name, label, min, max (like value, Value, 1, 10). "
                        + "A name is a word of letters and digits that starts with a small letter.");
            }
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
