package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.refinery.backlog.Importance;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.shared.Rejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams/{team}")
@Tag(name = "Priority queue")
class QueueApiController {

    @Schema(name = "QueueEntry")
    record Entry(int position, String key, String title, BigDecimal score, List<Term> terms, String explanation, Band band,
            boolean pinned, List<String> missing, int risks) {

        static Entry of(QueueEntry entry) {
            return new Entry(entry.position(), entry.key().toString(), entry.title(), entry.score(), entry.terms(),
                    entry.explanation(), entry.band(), entry.pinned(), entry.missing(), entry.risks());
        }
    }

    record QueueJson(String model, List<Entry> entries, int total, int page, int pages) {
    }

    record PinJson(String above, String below) {
    }

    record InputJson(String name, String label, BigDecimal min, BigDecimal max) {
    }

    record ScoringJson(String model, String formula, List<InputJson> customInputs, BigDecimal daysPerPoint,
            Boolean deadlineUrgency, Integer horizonDays, List<Importance> inputs, int version) {

        static ScoringJson of(ScoringModel model) {
            return new ScoringJson(model.kind().code(), model.formula(), model.customInputs().stream()
                .map(input -> new InputJson(input.name(), input.label(), input.min(), input.max())).toList(),
                    model.daysPerPoint(), model.deadlineUrgency(), model.horizonDays(), model.inputs(), model.version());
        }

        ScoringModel toModel() {
            var kind = ModelKind.of(model == null ? "" : model)
                .orElseThrow(() -> Rejected.invalid("model", "Choose a model: wsjf, rice, ice, value-effort or custom."));
            List<Importance> custom;
            try {
                custom = customInputs == null ? List.of() : customInputs.stream()
                    .map(input -> new Importance(input.name(), input.label() == null ? "" : input.label().strip(), "",
                            input.min() == null ? BigDecimal.ZERO : input.min(),
                            input.max() == null ? new BigDecimal("1000") : input.max(), false))
                    .toList();
            }
            catch (IllegalArgumentException | NullPointerException invalid) {
                throw Rejected.invalid("customInputs", "Each input has a name of letters and digits (like value), a label, and min <= max.");
            }
            var defaults = ScoringModel.DEFAULT;
            return new ScoringModel(kind, formula, custom, daysPerPoint == null ? defaults.daysPerPoint() : daysPerPoint,
                    deadlineUrgency == null ? defaults.deadlineUrgency() : deadlineUrgency,
                    horizonDays == null ? defaults.horizonDays() : horizonDays, version);
        }
    }

    private final PriorityQueues queues;
    private final ScoringModels models;

    QueueApiController(PriorityQueues queues, ScoringModels models) {
        this.queues = queues;
        this.models = models;
    }

    @GetMapping("/queue")
    @Operation(operationId = "queue", summary = "The ranked queue: ranked band first, then items that need an estimate or an input; 100 a page")
    QueueJson queue(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String workstream, @RequestParam(defaultValue = "1") int page) {
        var queue = queues.page(team, workstream, page, me.id());
        return new QueueJson(queue.model().kind().code(), queue.entries().stream().map(Entry::of).toList(), queue.total(),
                queue.page(), queue.pages());
    }

    @PutMapping("/items/{item}/pin")
    @Operation(summary = "Pins an item right above or below another: {\"above\": \"PAY-3\"} or {\"below\": \"PAY-3\"}")
    ResponseEntity<Void> pin(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable String item, @RequestBody PinJson pin) {
        if ((pin.above() == null) == (pin.below() == null)) {
            throw Rejected.invalid("above", "Send either above or below, with the key of another item.");
        }
        queues.pin(team, item, pin.above() != null ? pin.above() : pin.below(),
                pin.above() != null ? Pin.Placement.ABOVE : Pin.Placement.BELOW, me.id());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/items/{item}/pin")
    @Operation(summary = "Returns a pinned item to the place its score gives it")
    ResponseEntity<Void> unpin(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable String item) {
        queues.unpin(team, item, me.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/scoring")
    @Operation(summary = "The team's scoring model")
    ScoringJson scoring(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return ScoringJson.of(models.of(team, me.id()));
    }

    @PutMapping("/scoring")
    @Operation(summary = "Chooses the scoring model (facilitators and product managers; send the version you read)")
    ScoringJson choose(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestBody ScoringJson scoring) {
        return ScoringJson.of(models.choose(team, scoring.toModel(), me.id()));
    }
}
