package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemBrief;
import dev.refinery.backlog.ItemKey;
import dev.refinery.shared.Rejected;

/**
 * A team's reference stories: for a card of its deck, up to {@value PokerSettings#REFERENCES_MAX} done or estimated
 * items of the team that show what the card means. One rule for the settings page, the API and the backup's restore.
 */
@Component
class ReferenceStories {

    private final BacklogItems items;

    ReferenceStories(BacklogItems items) {
        this.items = items;
    }

    /**
     * Reference stories as people write them (a card, then item keys), parsed; the problems by field
     * ({@code references.3}) when a key is not one.
     */
    static List<PokerSettings.References> parse(Map<String, List<String>> written) {
        var problems = new LinkedHashMap<String, String>();
        var parsed = new ArrayList<PokerSettings.References>();
        written.forEach((card, keys) -> {
            var found = new ArrayList<ItemKey>();
            for (var key : keys) {
                if (key == null || key.isBlank()) {
                    continue;
                }
                var item = ItemKey.parse(key.strip().toUpperCase());
                if (item.isEmpty()) {
                    problems.putIfAbsent(field(card), "\"" + key.strip() + "\" is not an item key: write keys like PAY-12, separated by commas.");
                }
                item.ifPresent(found::add);
            }
            parsed.add(new PokerSettings.References(card == null ? "" : card.strip(), found));
        });
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return parsed;
    }

    /**
     * The settings with their reference stories checked against the deck and the team's items: each card one of the
     * deck's that estimates (a number also names its card: 0.5 is ½), at most three items of this team each, every one
     * done or estimated. Cards without items are dropped; the rest come in the deck's order.
     */
    PokerSettings checked(long team, String teamKey, PokerSettings settings) {
        var deck = settings.deck();
        var problems = new LinkedHashMap<String, String>();
        var byCard = new LinkedHashMap<Card, List<ItemKey>>();
        for (var references : settings.references()) {
            var card = card(deck, references.card());
            if (card.isEmpty()) {
                problems.put(field(references.card()), "There is no card \"" + references.card() + "\" that estimates in the "
                        + deck.kind().label() + " deck: choose one of " + deck.cards().stream().map(Card::face).collect(Collectors.joining(", ")) + ".");
                continue;
            }
            var keys = byCard.computeIfAbsent(card.get(), any -> new ArrayList<>());
            references.items().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
        }
        var briefs = briefs(team, teamKey, byCard.values().stream().flatMap(List::stream).toList());
        byCard.forEach((card, keys) -> {
            var field = field(card.face());
            if (keys.size() > PokerSettings.REFERENCES_MAX) {
                problems.putIfAbsent(field, "At most " + PokerSettings.REFERENCES_MAX + " reference stories for the "
                        + card.face() + ": keep the ones that explain it best.");
            }
            for (var key : keys) {
                var brief = key.team().equals(teamKey) ? briefs.get(key.number()) : null;
                if (brief == null) {
                    problems.putIfAbsent(field, "No item " + key + " in " + teamKey + ".");
                }
                else if (!brief.settled()) {
                    problems.putIfAbsent(field, key + " is neither done nor estimated: a reference story is one the team has "
                            + "finished or agreed on.");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        var ordered = deck.cards().stream().filter(byCard::containsKey).filter(card -> !byCard.get(card).isEmpty())
            .map(card -> new PokerSettings.References(card.face(), byCard.get(card))).toList();
        return new PokerSettings(settings.kind(), settings.numbers(), settings.customUnit(), settings.autoReveal(),
                settings.hideAnchors(), settings.pmVotes(), settings.suggest(), ordered, settings.version());
    }

    /** The team's scale: the deck's cards that have reference stories, in order, with their items as they are now. */
    Scale scale(long team, String teamKey, PokerSettings settings) {
        if (settings.references().isEmpty()) {
            return Scale.NONE;
        }
        var deck = settings.deck();
        var briefs = briefs(team, teamKey, settings.references().stream().flatMap(references -> references.items().stream()).toList());
        var steps = new ArrayList<Scale.Step>();
        for (var card : deck.cards()) {
            settings.references().stream().filter(references -> references.card().equals(card.face())).findFirst()
                .map(references -> references.items().stream().map(key -> briefs.get(key.number())).filter(brief -> brief != null).toList())
                .filter(found -> !found.isEmpty())
                .ifPresent(found -> steps.add(new Scale.Step(card.face(), found)));
        }
        return new Scale(deck.unit().symbol(), steps);
    }

    /** The form's text for each card of the deck that estimates: its reference stories' keys, separated by commas. */
    static Map<String, String> written(PokerSettings settings) {
        var written = new LinkedHashMap<String, String>();
        settings.deck().cards().forEach(card -> written.put(card.face(), settings.references().stream()
            .filter(references -> references.card().equals(card.face())).findFirst()
            .map(references -> references.items().stream().map(ItemKey::toString).collect(Collectors.joining(", "))).orElse("")));
        return written;
    }

    static String field(String card) {
        return "references." + card;
    }

    private Map<Integer, ItemBrief> briefs(long team, String teamKey, List<ItemKey> keys) {
        var numbers = keys.stream().filter(key -> key.team().equals(teamKey)).map(ItemKey::number).distinct().toList();
        return items.briefs(team, teamKey, numbers).stream().collect(Collectors.toMap(brief -> brief.key().number(), Function.identity()));
    }

    private static Optional<Card> card(Deck deck, String written) {
        var text = written == null ? "" : written.strip();
        var byFace = deck.cards().stream().filter(card -> card.face().equalsIgnoreCase(text)).findFirst();
        if (byFace.isPresent()) {
            return byFace;
        }
        try {
            var value = new BigDecimal(text);
            return deck.kind() == Deck.Kind.TSHIRT ? Optional.empty()
                    : deck.cards().stream().filter(card -> card.value().compareTo(value) == 0).findFirst();
        }
        catch (NumberFormatException notNumber) {
            return Optional.empty();
        }
    }
}
