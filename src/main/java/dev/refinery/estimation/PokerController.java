package dev.refinery.estimation;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.shared.Rejected;

/** The poker room of an item: the table comes live over SSE; each person's hand is their own fragment. */
@Controller
class PokerController {

    private final PokerRounds rounds;
    private final BacklogItems items;

    private final EstimateHints hints;

    PokerController(PokerRounds rounds, BacklogItems items, EstimateHints hints) {
        this.rounds = rounds;
        this.items = items;
        this.hints = hints;
    }

    @GetMapping("/teams/{team}/items/{item}/poker")
    String room(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item, Model model) {
        var holding = rounds.holding(team, item, me.id());
        var view = items.find(team, item, me.id());
        model.addAttribute("page", new PokerPage(team, holding.membership().team().name(), view,
                holding.settings().hideAnchors(), rounds.scale(team, me.id()), rounds.board(team, item, me.id()), handOf(me, team, item, holding, null),
                hints.afterReveal(team, item, me.id()).orElse(null)));
        return "estimation/poker";
    }

    /** Similar items and the suggestion once the round is revealed; an empty slot before. */
    @GetMapping("/teams/{team}/items/{item}/poker/hints")
    String hints(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item, Model model) {
        model.addAttribute("hintsUrl", "/teams/" + team + "/items/" + item + "/poker/hints");
        model.addAttribute("hints", hints.afterReveal(team, item, me.id()).orElse(null));
        return "estimation/hints";
    }

    @GetMapping("/teams/{team}/items/{item}/poker/hand")
    String hand(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item, Model model) {
        model.addAttribute("hand", handOf(me, team, item, rounds.holding(team, item, me.id()), null));
        return "estimation/hand";
    }

    @PostMapping("/teams/{team}/items/{item}/poker/rounds")
    String open(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return facilitate(me, team, item, htmx, model, () -> rounds.open(team, item, me.account()));
    }

    @PostMapping("/teams/{team}/items/{item}/poker/vote")
    String vote(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @RequestParam long round, @RequestParam(defaultValue = "") String card,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String error = null;
        try {
            rounds.cast(team, item, round, card, me.account());
        }
        catch (Rejected rejected) {
            error = rejected.getMessage();
        }
        return answer(me, team, item, error, htmx, model);
    }

    @PostMapping("/teams/{team}/items/{item}/poker/reason")
    String reason(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @RequestParam long round, @RequestParam(defaultValue = "") String text,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String error = null;
        try {
            rounds.explain(team, item, round, text, me.account());
        }
        catch (Rejected rejected) {
            error = rejected.getMessage();
        }
        return answer(me, team, item, error, htmx, model);
    }

    @PostMapping("/teams/{team}/items/{item}/poker/reveal")
    String reveal(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @RequestParam long round, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return facilitate(me, team, item, htmx, model, () -> rounds.reveal(team, item, round, me.id()));
    }

    @PostMapping("/teams/{team}/items/{item}/poker/agree")
    String agree(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @RequestParam long round, @RequestParam String card, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        return facilitate(me, team, item, htmx, model, () -> rounds.agree(team, item, round, card, me.account()));
    }

    /**
     * A facilitator's step on the round. From htmx (the poker page or a meeting's room) the answer is the hand, with
     * the reason when the step was refused; the table goes to everyone over the live stream.
     */
    private String facilitate(SignedInAccount me, String team, String item, String htmx, Model model, Runnable step) {
        if (htmx == null) {
            step.run();
            return "redirect:/teams/" + team + "/items/" + item + "/poker";
        }
        String error = null;
        try {
            step.run();
        }
        catch (Rejected rejected) {
            error = rejected.getMessage();
        }
        return answer(me, team, item, error, htmx, model);
    }

    private String answer(SignedInAccount me, String team, String item, String error, String htmx, Model model) {
        if (htmx == null && error == null) {
            return "redirect:/teams/" + team + "/items/" + item + "/poker";
        }
        model.addAttribute("hand", handOf(me, team, item, rounds.holding(team, item, me.id()), error));
        return "estimation/hand";
    }

    private PokerHand handOf(SignedInAccount me, String team, String item, PokerRounds.Holding holding, String error) {
        return rounds.hand(holding, me.id().value(), "/teams/" + team + "/items/" + item + "/poker", error);
    }
}
