package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemKey;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.shared.Rejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The team's planning poker settings on the API: the deck, the rules, the suggestion's switch and the reference stories. */
@RestController
@Tag(name = "Planning poker")
class PokerSettingsApiController {

    @Schema(description = "The items that show what a card of the deck means (at most 3, each done or estimated)")
    record ReferenceJson(@Schema(description = "A card of the team's deck that estimates: 3, ½ (or 0.5), M") String value,
            @Schema(description = "Item keys of the team, like PAY-12") List<String> items) {
    }

    record PokerSettingsJson(@Schema(description = "fibonacci, modified-fibonacci, tshirt, days, powers-of-two or custom") String deck,
            @Schema(description = "The T-shirt sizes' points (XS to XXL) or the custom cards, smallest first") List<BigDecimal> numbers,
            @Schema(description = "The unit of custom cards: points or days") String unit, Boolean autoReveal, Boolean hideAnchors,
            Boolean pmVotes,
            @Schema(description = "Whether an estimate is suggested after the reveal (similar items show either way)") Boolean suggest,
            List<ReferenceJson> references, int version) {

        static PokerSettingsJson of(PokerSettings settings) {
            return new PokerSettingsJson(settings.kind().code(), settings.numbers(), settings.customUnit().code(), settings.autoReveal(),
                    settings.hideAnchors(), settings.pmVotes(), settings.suggest(), settings.references().stream()
                        .map(references -> new ReferenceJson(references.card(), references.items().stream().map(ItemKey::toString).toList()))
                        .toList(), settings.version());
        }

        PokerSettings toSettings() {
            var kind = Deck.Kind.of(deck).orElseThrow(() -> Rejected.invalid("deck", "Choose a deck: fibonacci, modified-fibonacci, "
                    + "tshirt, days, powers-of-two or custom."));
            var written = new LinkedHashMap<String, List<String>>();
            for (var reference : references == null ? List.<ReferenceJson>of() : references) {
                if (reference == null || reference.value() == null || reference.value().isBlank()) {
                    throw Rejected.invalid("references", "Each reference story names a card of the deck as its value.");
                }
                written.computeIfAbsent(reference.value().strip(), any -> new java.util.ArrayList<>())
                    .addAll(reference.items() == null ? List.of() : reference.items());
            }
            return new PokerSettings(kind, numbers, Estimate.Unit.of(unit == null ? "points" : unit).orElse(Estimate.Unit.POINTS),
                    autoReveal == null || autoReveal, hideAnchors == null || hideAnchors, pmVotes != null && pmVotes,
                    suggest == null || suggest, ReferenceStories.parse(written), version);
        }
    }

    private final PokerRounds rounds;

    PokerSettingsApiController(PokerRounds rounds) {
        this.rounds = rounds;
    }

    @GetMapping("/api/v1/teams/{team}/poker")
    @Operation(operationId = "pokerSettings", summary = "The team's planning poker settings, with its reference stories")
    PokerSettingsJson settings(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return PokerSettingsJson.of(rounds.settings(team, me.id()));
    }

    @PutMapping("/api/v1/teams/{team}/poker")
    @Operation(operationId = "savePokerSettings", summary = "Saves the team's planning poker settings and reference stories "
            + "(facilitators; send the version you read)")
    PokerSettingsJson save(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @RequestBody PokerSettingsJson settings) {
        return PokerSettingsJson.of(rounds.save(team, settings::toSettings, me.id()));
    }
}
