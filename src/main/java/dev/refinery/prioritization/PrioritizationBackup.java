package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.Importance;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Membership;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.Rejected;

/**
 * A team's scoring model and pins as a backup holds them, and their restore: the model is checked as choosing
 * it is checked, and pins hold items of the backup by their numbers. Only facilitators do either.
 */
@Component
public class PrioritizationBackup {

    /** The prioritization's part of a team backup. */
    public record Part(ScoringPart scoring, List<PinPart> pins) {

        public Part {
            pins = pins == null ? List.of() : pins;
        }
    }

    /** The scoring model without its version; custom inputs are kept by name, label and bounds. */
    public record ScoringPart(ModelKind model, String formula, List<Importance> customInputs, BigDecimal daysPerPoint,
            boolean deadlineUrgency, int horizonDays) {

        public ScoringPart {
            customInputs = customInputs == null ? List.of() : customInputs;
        }

        ScoringModel toModel(int version) {
            return new ScoringModel(model, formula, customInputs.stream()
                .map(input -> new Importance(input.name(), input.label(), "", input.min(), input.max(), false))
                .toList(), daysPerPoint, deadlineUrgency, horizonDays, version);
        }
    }

    /** Item {@code item} held right above or below item {@code anchor} (numbers of items in the backup). */
    public record PinPart(Integer item, Integer anchor, Pin.Placement placement, Instant pinnedAt) {
    }

    private final PrioritizationRepository repository;
    private final Teams teams;

    PrioritizationBackup(PrioritizationRepository repository, Teams teams) {
        this.repository = repository;
        this.teams = teams;
    }

    public Part backup(String teamKey, AccountId by) {
        var membership = facilitator(teamKey, by);
        var team = membership.team().id().value();
        var model = repository.model(team).orElse(ScoringModel.DEFAULT);
        var pins = repository.pins(team, membership.team().key().value()).stream()
            .sorted(java.util.Comparator.comparing(Pin::at).thenComparing(pin -> pin.item().number()))
            .map(pin -> new PinPart(pin.item().number(), pin.anchor().number(), pin.placement(), pin.at()))
            .toList();
        return new Part(new ScoringPart(model.kind(), model.formula(), model.customInputs(), model.daysPerPoint(),
                model.deadlineUrgency(), model.horizonDays()), pins);
    }

    /** Every problem of a backup's scoring model and pins, under their paths in the document; {@code items}: the backup's item numbers. */
    public Map<String, String> problems(Part part, Set<Integer> items) {
        var problems = new LinkedHashMap<String, String>();
        if (part.scoring() != null) {
            var scoring = part.scoring();
            if (scoring.customInputs().stream().anyMatch(input -> input == null || input.label() == null)) {
                problems.put("scoring.customInputs", "Each input has a name of letters and digits (like value), a label, and min <= max.");
            }
            else {
                try {
                    ScoringModels.check(scoring.toModel(0));
                }
                catch (Rejected rejected) {
                    rejected.errors().forEach((field, message) -> problems.put("scoring." + field, message));
                }
            }
        }
        var pinned = new HashSet<Integer>();
        for (int i = 0; i < part.pins().size(); i++) {
            var pin = part.pins().get(i);
            var prefix = "pins[" + i + "]";
            if (pin == null) {
                problems.put(prefix, "Each pin is an object with an item, an anchor, a placement and when it was pinned.");
                continue;
            }
            if (pin.item() == null || !items.contains(pin.item())) {
                problems.put(prefix + ".item", "There is no item " + pin.item() + " in the backup.");
            }
            else if (!pinned.add(pin.item())) {
                problems.put(prefix + ".item", "Item " + pin.item() + " is pinned twice.");
            }
            if (pin.anchor() == null || !items.contains(pin.anchor())) {
                problems.put(prefix + ".anchor", "There is no item " + pin.anchor() + " in the backup.");
            }
            else if (pin.anchor().equals(pin.item())) {
                problems.put(prefix + ".anchor", "An item cannot be pinned to itself.");
            }
            if (pin.placement() == null) {
                problems.put(prefix + ".placement", "A pin holds its item ABOVE or BELOW the anchor.");
            }
            if (pin.pinnedAt() == null) {
                problems.put(prefix + ".pinnedAt", "Say when the item was pinned, like 2026-11-27T09:30:00Z.");
            }
        }
        return problems;
    }

    /**
     * Replaces the team's scoring model and pins with the backup's; the team's queue is ranked again. The caller has
     * checked the part ({@link #problems}).
     */
    @Transactional
    public void restore(String teamKey, Part part, AccountId by) {
        var team = facilitator(teamKey, by).team().id().value();
        var scoring = part.scoring() == null
                ? new ScoringPart(ScoringModel.DEFAULT.kind(), "", List.of(), ScoringModel.DEFAULT.daysPerPoint(),
                        ScoringModel.DEFAULT.deadlineUrgency(), ScoringModel.DEFAULT.horizonDays())
                : part.scoring();
        var version = repository.model(team).map(ScoringModel::version).orElse(0);
        repository.save(team, scoring.toModel(version));
        // the team had no items, so it had no pins either
        part.pins().forEach(pin -> repository.pin(team, pin.item(), pin.anchor(), pin.placement(), pin.pinnedAt()));
        repository.touch(team);
    }

    private Membership facilitator(String teamKey, AccountId by) {
        var membership = teams.find(teamKey, by);
        if (!membership.facilitator()) {
            throw new Forbidden("Only a facilitator of " + membership.team().key() + " downloads or restores the team's backup.");
        }
        return membership;
    }
}
