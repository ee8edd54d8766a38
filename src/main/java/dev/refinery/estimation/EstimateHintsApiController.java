package dev.refinery.estimation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.refinery.identity.SignedInAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Similar past items and the suggested estimate of an item on the API: never before its round is revealed. */
@RestController
@Tag(name = "Planning poker")
class EstimateHintsApiController {

    private final EstimateHints hints;

    EstimateHintsApiController(EstimateHints hints) {
        this.hints = hints;
    }

    @GetMapping("/api/v1/teams/{team}/items/{item}/similar")
    @Operation(operationId = "similarItems", summary = "The 5 most similar estimated items of the team and a suggested estimate "
            + "with its reason, once the item's round is revealed or the item is estimated (409 before: they would anchor the votes)")
    PokerApiController.HintsJson similar(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item) {
        return PokerApiController.HintsJson.of(hints.revealed(team, item, me.id()));
    }
}
