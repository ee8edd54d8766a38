package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.backlog.Estimate;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** The team's planning poker settings: deck, T-shirt points or custom cards, auto-reveal, anchoring, PM votes. */
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
        return page(me, team, settings.kind().code(), numbers, settings.customUnit().code(), settings.autoReveal(),
                settings.hideAnchors(), settings.pmVotes(), settings.version(), FieldErrors.NONE, saved != null, model);
    }

    @PostMapping("/teams/{team}/poker")
    String save(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @RequestParam String kind,
            @RequestParam(defaultValue = "") String numbers, @RequestParam(defaultValue = "points") String unit,
            @RequestParam(defaultValue = "false") boolean autoReveal, @RequestParam(defaultValue = "false") boolean hideAnchors,
            @RequestParam(defaultValue = "false") boolean pmVotes, @RequestParam(defaultValue = "0") int version, Model model) {
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
            rounds.save(team, new PokerSettings(deck, values, Estimate.Unit.of(unit).orElse(Estimate.Unit.POINTS), autoReveal,
                    hideAnchors, pmVotes, version), me.id());
            return "redirect:/teams/" + team + "/poker?saved=1";
        }
        catch (Rejected rejected) {
            return page(me, team, kind, numbers, unit, autoReveal, hideAnchors, pmVotes, version, FieldErrors.of(rejected), false,
                    model);
        }
    }

    private String page(SignedInAccount me, String team, String kind, String numbers, String unit, boolean autoReveal,
            boolean hideAnchors, boolean pmVotes, int version, FieldErrors errors, boolean saved, Model model) {
        var membership = teams.find(team, me.id());
        model.addAttribute("page", new PokerSettingsPage(team, membership.team().name(), kind, numbers, unit, autoReveal,
                hideAnchors, pmVotes, version, membership.facilitator(), errors, saved));
        return "estimation/settings";
    }
}
