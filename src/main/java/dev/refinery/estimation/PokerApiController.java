package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import dev.refinery.identity.SignedInAccount;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Planning poker on the API. Before the reveal a round lists who has voted, never a card. */
@RestController
@RequestMapping("/api/v1/teams/{team}/items/{item}/rounds")
@Tag(name = "Planning poker")
class PokerApiController {

    record VoterJson(String name, boolean voted, boolean present, String card, boolean outlier) {
    }

    record RoundJson(long id, String item, String status, String deck, String unit, List<String> cards,
            List<VoterJson> voters, Statistics statistics, String agreed,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Similar items and the suggestion: only once the round is revealed") HintsJson hints) {
    }

    record SimilarJson(String key, String title, BigDecimal estimate, String unit,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The effort the item really took, in days, where recorded") BigDecimal actualDays) {
    }

    record SuggestionJson(BigDecimal value, String confidence, String reason, BigDecimal median) {
    }

    record HintsJson(List<SimilarJson> similar, SuggestionJson suggestion) {

        static HintsJson of(EstimateHints.Hints hints) {
            var suggestion = hints.suggestion();
            return new HintsJson(hints.similar().stream()
                .map(item -> new SimilarJson(item.key().toString(), item.title(), item.estimate(), item.unit(), item.actualDays())).toList(),
                    suggestion == null ? null : new SuggestionJson(suggestion.value(),
                            suggestion.confidence() == null ? null : suggestion.confidence().code(), suggestion.reason(), suggestion.median()));
        }
    }

    record CardJson(String card) {
    }

    record RiskJson(String text) {
    }

    private final PokerRounds rounds;
    private final EstimateHints hints;

    PokerApiController(PokerRounds rounds, EstimateHints hints) {
        this.rounds = rounds;
        this.hints = hints;
    }

    @PostMapping
    @Operation(operationId = "openRound", summary = "Opens a round on the item (facilitators); an open one becomes an earlier round")
    ResponseEntity<RoundJson> open(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable String item, UriComponentsBuilder uri) {
        var round = rounds.open(team, item, me.account());
        return ResponseEntity.created(uri.path("/api/v1/teams/{team}/items/{item}/rounds/{round}").build(team, item, round.id()))
            .body(json(me, team, item, round.id()));
    }

    @GetMapping("/{round}")
    @Operation(summary = "A round: before the reveal who has voted; after it the cards, statistics and outliers")
    RoundJson round(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @PathVariable long round) {
        return json(me, team, item, round);
    }

    @PutMapping("/{round}/votes/me")
    @Operation(summary = "Casts or changes the caller's card until the reveal")
    ResponseEntity<Void> vote(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @PathVariable long round, @RequestBody CardJson card) {
        rounds.cast(team, item, round, card.card(), me.account());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{round}/reveal")
    @Operation(summary = "Reveals the cards (facilitators)")
    RoundJson reveal(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @PathVariable long round) {
        rounds.reveal(team, item, round, me.id());
        return json(me, team, item, round);
    }

    @PostMapping("/{round}/agree")
    @Operation(summary = "Agrees on a card (facilitators): it becomes the item's estimate")
    RoundJson agree(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @PathVariable long round, @RequestBody CardJson card) {
        rounds.agree(team, item, round, card.card(), me.account());
        return json(me, team, item, round);
    }

    @PostMapping("/{round}/risks")
    @Operation(summary = "An outlier says why (or a facilitator adds a risk); kept on the item as a risk")
    ResponseEntity<Void> risk(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable String item,
            @PathVariable long round, @RequestBody RiskJson risk) {
        rounds.explain(team, item, round, risk.text(), me.account());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    private RoundJson json(SignedInAccount me, String team, String item, long id) {
        var round = rounds.round(team, item, id, me.id());
        var board = rounds.board(team, item, me.id());
        var latest = board.round() == id;
        var voters = board.seats().stream().filter(Seat::voter)
            .map(seat -> new VoterJson(seat.name(), latest ? seat.voted() : round.voteOf(seat.account()).isPresent(),
                    seat.present(), round.revealed() ? round.voteOf(seat.account()).map(v -> v.card().face()).orElse(null) : null,
                    latest && seat.outlier()))
            .toList();
        return new RoundJson(round.id(), round.item().toString(), round.status().code(), round.deck().kind().code(),
                round.deck().unit().code(), round.deck().hand().stream().map(Card::face).toList(), voters,
                round.revealed() ? round.statistics() : null, round.agreed() == null ? null : round.agreed().face(),
                latest && round.revealed() ? hints.afterReveal(team, item, me.id()).map(HintsJson::of).orElse(null) : null);
    }
}
