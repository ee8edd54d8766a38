package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Status;
import dev.refinery.backlog.TeamTemplates;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Role;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.Rejected;

/**
 * The scoring model of each team. A model is checked whole before it is saved (a custom formula must parse,
 * use only its inputs and size, and give a number); saving it tells the team's template which importance
 * inputs to ask for. Facilitators and product managers choose it.
 */
@Component
public class ScoringModels {

    private final PrioritizationRepository repository;
    private final TeamTemplates templates;
    private final BacklogItems items;
    private final Teams teams;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ScoringModels(PrioritizationRepository repository, TeamTemplates templates, BacklogItems items, Teams teams, Clock clock,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.templates = templates;
        this.items = items;
        this.teams = teams;
        this.clock = clock;
        this.events = events;
    }

    public ScoringModel of(String teamKey, AccountId viewer) {
        return model(teams.find(teamKey, viewer).team().id().value());
    }

    ScoringModel model(long team) {
        return repository.model(team).orElse(ScoringModel.DEFAULT);
    }

    /** Saves a model over the version it was read at; an invalid one is refused and the old one stays. */
    @Transactional
    public ScoringModel choose(String teamKey, ScoringModel model, AccountId by) {
        var membership = teams.find(teamKey, by);
        if (!membership.facilitator() && membership.role() != Role.PM) {
            throw new Forbidden("Only a facilitator or the product manager chooses the scoring model.");
        }
        check(model);
        var team = membership.team().id().value();
        if (!repository.save(team, model)) {
            throw Rejected.conflict("version", "Somebody changed the scoring model since you opened it: reload and try again.");
        }
        templates.askForImportance(teamKey, model.inputs(), by);
        repository.touch(team);
        events.publishEvent(new QueueChanged(team, membership.team().key().value(), "scoring-model", null));
        return model(team);
    }

    /** The first items of the team scored under a model that is not saved yet: what a change would do. */
    public List<Preview> preview(String teamKey, ScoringModel model, int count, AccountId viewer) {
        teams.find(teamKey, viewer);
        check(model);
        var scorer = new Scorer(model, LocalDate.now(clock));
        return items.summaries(teamKey, viewer).stream()
            .filter(item -> item.status() != Status.DONE && item.status() != Status.REMOVED)
            .limit(count)
            .map(item -> new Preview(item.key().toString(), item.title(), scorer.score(item)))
            .toList();
    }

    /** An item scored under a draft model. */
    public record Preview(String key, String title, Score score) {
    }

    static void check(ScoringModel model) {
        var problems = new LinkedHashMap<String, String>();
        if (model.kind() == null) {
            problems.put("model", "Choose a model: wsjf, rice, ice, value-effort or custom.");
        }
        if (model.daysPerPoint() == null || model.daysPerPoint().compareTo(new BigDecimal("0.05")) < 0
                || model.daysPerPoint().compareTo(new BigDecimal("20")) > 0) {
            problems.put("daysPerPoint", "Days per point is from 0.05 to 20.");
        }
        else if (model.daysPerPoint().stripTrailingZeros().scale() > 3) {
            problems.put("daysPerPoint", "Days per point has at most three decimals.");
        }
        if (model.horizonDays() < 1 || model.horizonDays() > 365) {
            problems.put("horizonDays", "Urgency starts 1 to 365 days before a deadline.");
        }
        if (model.kind() == ModelKind.CUSTOM) {
            var names = new HashSet<String>();
            if (model.customInputs().isEmpty() || model.customInputs().size() > 10) {
                problems.put("customInputs", "A custom model has 1 to 10 inputs.");
            }
            for (var input : model.customInputs()) {
                if (!names.add(input.name()) || input.name().equals(Formula.SIZE)) {
                    problems.put("customInputs", "Each input has its own name, and size is taken: it is the estimate in days.");
                }
                if (input.label().isBlank() || input.label().length() > 60 || input.label().contains("|")
                        || input.label().lines().count() > 1) {
                    problems.put("customInputs", "Each input has a label of 1 to 60 characters on one line, without |.");
                }
            }
            Formula.problem(model.formula(), names.stream().sorted().collect(Collectors.toCollection(LinkedHashSet::new)))
                .ifPresent(problem -> problems.put("formula", problem));
        }
        if (model.formula() != null && model.formula().strip().length() > 500) {
            problems.put("formula", "A formula has at most 500 characters.");
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
    }
}
