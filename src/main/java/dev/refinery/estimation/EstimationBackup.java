package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemKey;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Membership;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Forbidden;

/**
 * A team's poker settings as a backup holds them, and their restore, checked as saving them is checked.
 * Rounds and votes stay out of backups. Only facilitators do either.
 */
@Component
public class EstimationBackup {

    /**
     * The poker settings without their version: the deck, its numbers (T-shirt mapping or custom cards), the rules, and
     * the reference stories by item number (the team's key may differ where it is restored). A backup written before
     * the suggestion could be turned off has it on.
     */
    public record PokerPart(Deck.Kind deck, List<BigDecimal> numbers, Estimate.Unit customUnit, boolean autoReveal,
            boolean hideAnchors, boolean pmVotes, Boolean suggest, List<ReferencePart> references) {

        public PokerPart {
            numbers = numbers == null ? List.of() : numbers;
            suggest = suggest == null ? Boolean.TRUE : suggest;
            references = references == null ? List.of() : references;
        }

        PokerSettings toSettings(String teamKey, int version) {
            return new PokerSettings(deck, numbers, customUnit, autoReveal, hideAnchors, pmVotes, suggest,
                    references.stream().filter(java.util.Objects::nonNull)
                        .map(part -> new PokerSettings.References(part.card(), part.items() == null ? List.of()
                                : part.items().stream().filter(java.util.Objects::nonNull).map(number -> new ItemKey(teamKey, number)).toList()))
                        .toList(), version);
        }
    }

    /** A card's reference stories in a backup: the card's face and the items' numbers. */
    public record ReferencePart(String card, List<Integer> items) {
    }

    private final EstimationRepository repository;
    private final ReferenceStories references;
    private final Teams teams;

    EstimationBackup(EstimationRepository repository, ReferenceStories references, Teams teams) {
        this.repository = repository;
        this.references = references;
        this.teams = teams;
    }

    public PokerPart backup(String teamKey, AccountId by) {
        var team = facilitator(teamKey, by).team().id().value();
        var settings = repository.settings(team).orElse(PokerSettings.DEFAULT);
        return new PokerPart(settings.kind(), settings.numbers(), settings.customUnit(), settings.autoReveal(),
                settings.hideAnchors(), settings.pmVotes(), settings.suggest(), settings.references().stream()
                    .map(refs -> new ReferencePart(refs.card(), refs.items().stream().map(ItemKey::number).toList())).toList());
    }

    /**
     * Every problem of a backup's poker settings, under their paths in the document ({@code poker.numbers}); the
     * reference stories must name items of the backup ({@code numbers}).
     */
    public Map<String, String> problems(PokerPart part, java.util.Set<Integer> numbers) {
        var problems = new LinkedHashMap<String, String>();
        if (part == null) {
            return problems;
        }
        if (part.deck() == null) {
            problems.put("poker.deck", "Choose a deck: " + String.join(", ",
                    java.util.Arrays.stream(Deck.Kind.values()).map(Deck.Kind::code).toList()) + ".");
            return problems;
        }
        if (part.numbers().stream().anyMatch(number -> number == null || number.signum() < 0
                || number.compareTo(BigDecimal.valueOf(999)) > 0 || number.stripTrailingZeros().scale() > 3)
                || part.numbers().size() > 20) {
            problems.put("poker.numbers", "Up to 20 numbers from 0 to 999, with at most three decimals.");
            return problems;
        }
        for (var reference : part.references()) {
            if (reference == null || reference.card() == null || reference.items() == null
                    || reference.items().size() > PokerSettings.REFERENCES_MAX
                    || !reference.items().stream().allMatch(number -> number != null && numbers.contains(number))) {
                problems.put("poker.references", "Each reference story names a card and up to " + PokerSettings.REFERENCES_MAX
                        + " numbers of items in the backup.");
                return problems;
            }
        }
        PokerRounds.problems(part.toSettings("BACKUP", 0)).forEach((field, message) -> problems.put("poker." + field, message));
        return problems;
    }

    /**
     * Replaces the team's poker settings with the backup's (the default ones when it has none). The caller has checked
     * the part ({@link #problems}).
     */
    @Transactional
    public void restore(String teamKey, PokerPart part, AccountId by) {
        var team = facilitator(teamKey, by).team().id().value();
        var version = repository.settings(team).map(PokerSettings::version).orElse(0);
        var settings = part == null ? PokerSettings.DEFAULT : part.toSettings(teamKey, 0);
        repository.save(team, references.checked(team, teamKey, settings.withVersion(version)));
    }

    private Membership facilitator(String teamKey, AccountId by) {
        var membership = teams.find(teamKey, by);
        if (!membership.facilitator()) {
            throw new Forbidden("Only a facilitator of " + membership.team().key() + " downloads or restores the team's backup.");
        }
        return membership;
    }
}
