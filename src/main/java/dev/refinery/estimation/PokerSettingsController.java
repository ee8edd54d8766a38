package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.backlog.Estimate;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/**
 * The team's planning poker settings: deck, T-shirt points or custom cards, auto-reveal, anchoring, PM votes, the
 * suggestion after the reveal, and the reference stories of each card.
 */
@Controller
class PokerSettingsController {

    private final PokerRounds rounds;
    private final Teams teams;

    PokerSettingsController(PokerRounds rounds, Teams teams) {
        this.rounds = rounds;
        this.teams = teams;
    }


    @GetMapping("/teams/{team}/poker")
    String settings(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(required = false) String saved, Model model) {
        var settings = rounds.settings(team, me.id());
        var numbers = settings.kind() == Deck.Kind.TSHIRT || settings.kind() == Deck.Kind.CUSTOM
                ? String.join(", ", settings.deck().cards().stream().map(card -> card.value().toPlainString()).toList()) : "";
        var references = ReferenceStories.written(settings).entrySet().stream()
            .map(entry -> new PokerSettingsPage.ReferenceRow(entry.getKey(), entry.getValue())).toList();
        return page(me, team, new Form(settings.kind().code(), numbers, settings.customUnit().code(), settings.autoReveal(),
                settings.hideAnchors(), settings.pmVotes(), settings.suggest(), references, settings.version()), FieldErrors.NONE,
                saved != null, model);
    }

    /**
     * The form as sent. Reference stories come as pairs of {@code refCard} and {@code refItems} (keys separated by
     * commas), read from the raw parameters: a single value of a list parameter would be split at its commas.
     */
    @PostMapping("/teams/{team}/poker")
    String save(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @RequestParam String kind,
            @RequestParam(defaultValue = "") String numbers, @RequestParam(defaultValue = "points") String unit,
            @RequestParam(defaultValue = "false") boolean autoReveal, @RequestParam(defaultValue = "false") boolean hideAnchors,
            @RequestParam(defaultValue = "false") boolean pmVotes, @RequestParam(defaultValue = "false") boolean suggest,
            @RequestParam(defaultValue = "0") int version, @RequestParam MultiValueMap<String, String> form, Model model) {
        var cards = form.getOrDefault("refCard", List.of());
        var keys = form.getOrDefault("refItems", List.of());
        var rows = new ArrayList<PokerSettingsPage.ReferenceRow>();
        for (int i = 0; i < cards.size(); i++) {
            rows.add(new PokerSettingsPage.ReferenceRow(cards.get(i), i < keys.size() ? keys.get(i) : ""));
        }
        var sent = new Form(kind, numbers, unit, autoReveal, hideAnchors, pmVotes, suggest, rows, version);
        try {
            var deck = Deck.Kind.of(kind).orElseThrow(() -> Rejected.invalid("kind", "Choose a deck."));
            List<BigDecimal> values;
            try {
                values = numbers.isBlank() ? List.of()
                        : Arrays.stream(numbers.split(",")).map(String::strip).map(n -> n.replace("½", "0.5")).map(BigDecimal::new).toList();
            }
            catch (NumberFormatException notNumbers) {
                throw Rejected.invalid("numbers", "Numbers separated by commas, like 1, 2, 3, 5.");
            }
            var written = new LinkedHashMap<String, List<String>>();
            rows.forEach(row -> written.put(row.card(), Arrays.asList(row.items().split("[,\\s]+"))));
            rounds.save(team, new PokerSettings(deck, values, Estimate.Unit.of(unit).orElse(Estimate.Unit.POINTS), autoReveal,
                    hideAnchors, pmVotes, suggest, ReferenceStories.parse(written), version), me.id());
            return "redirect:/teams/" + team + "/poker?saved=1";
        }
        catch (Rejected rejected) {
            return page(me, team, sent, FieldErrors.of(rejected), false, model);
        }
    }

    private record Form(String kind, String numbers, String unit, boolean autoReveal, boolean hideAnchors, boolean pmVotes,
            boolean suggest, List<PokerSettingsPage.ReferenceRow> references, int version) {
    }

    private String page(SignedInAccount me, String team, Form form, FieldErrors errors, boolean saved, Model model) {
        var membership = teams.find(team, me.id());
        model.addAttribute("page", new PokerSettingsPage(team, membership.team().name(), form.kind(), form.numbers(), form.unit(),
                form.autoReveal(), form.hideAnchors(), form.pmVotes(), form.suggest(), form.references(), form.version(),
                membership.facilitator(), errors, saved));
        return "estimation/settings";
    }
}
