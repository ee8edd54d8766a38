package dev.refinery.estimation;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.refinery.backlog.Estimate;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsTests {

    static final Deck FIBONACCI = PokerSettings.DEFAULT.deck();

    @Test
    void findsMedianMeanSpreadAndTheOutlierOfARound() {
        var statistics = Statistics.of(votes(FIBONACCI, "3", "3", "5", "13"), FIBONACCI);

        assertThat(statistics.votes()).isEqualTo(4);
        assertThat(statistics.median()).isEqualByComparingTo("4");
        assertThat(statistics.mean()).isEqualByComparingTo("6");
        assertThat(statistics.spread()).as("3 to 13 is 3 steps: 5, 8, 13").isEqualTo(3);
        assertThat(statistics.consensus()).isFalse();
        assertThat(statistics.suggested().face()).as("the median rounded up to a card").isEqualTo("5");
        assertThat(statistics.outliers()).extracting(Vote::name).containsExactly("voter 4");
    }

    @Test
    void callsItConsensusWhenAllCardsAreWithinOneStep() {
        var statistics = Statistics.of(votes(FIBONACCI, "3", "5", "5"), FIBONACCI);

        assertThat(statistics.consensus()).isTrue();
        assertThat(statistics.suggested().face()).isEqualTo("5");
        assertThat(statistics.outliers()).isEmpty();
    }

    @Test
    void findsLowOutliersTooAndIgnoresQuestionMarksAndPasses() {
        var statistics = Statistics.of(votes(FIBONACCI, "½", "8", "8", "?", "pass"), FIBONACCI);

        assertThat(statistics.votes()).isEqualTo(3);
        assertThat(statistics.suggested().face()).isEqualTo("8");
        assertThat(statistics.outliers()).extracting(vote -> vote.card().face()).containsExactly("½");
    }

    @Test
    void knowsNothingWhenNobodyPlayedANumber() {
        var statistics = Statistics.of(votes(FIBONACCI, "?", "pass"), FIBONACCI);

        assertThat(statistics.votes()).isZero();
        assertThat(statistics.suggested()).isNull();
    }

    @Test
    void mapsTShirtSizesToTheTeamsPoints() {
        var tshirt = new PokerSettings(Deck.Kind.TSHIRT, Deck.numbers("1", "2", "4", "8", "16", "32"), Estimate.Unit.POINTS,
                true, true, false, true, List.of(), 1).deck();

        assertThat(tshirt.card("L")).hasValueSatisfying(card -> assertThat(card.value()).isEqualByComparingTo("8"));
        assertThat(tshirt.hand()).extracting(Card::face).containsExactly("XS", "S", "M", "L", "XL", "XXL", "?", "pass");
        var statistics = Statistics.of(votes(tshirt, "M", "L", "L"), tshirt);
        assertThat(statistics.suggested().face()).isEqualTo("L");
    }

    @Test
    void offersEveryDeckWithQuestionMarkAndPass() {
        for (var kind : Deck.Kind.values()) {
            var numbers = kind == Deck.Kind.CUSTOM ? Deck.numbers("1", "2", "3") : List.<BigDecimal>of();
            var deck = new PokerSettings(kind, numbers, Estimate.Unit.DAYS, true, true, false, true, List.of(), 1).deck();
            assertThat(deck.hand()).as(kind.label()).endsWith(Card.UNKNOWN, Card.PASS);
        }
        assertThat(new PokerSettings(Deck.Kind.DAYS, List.of(), Estimate.Unit.POINTS, true, true, false, true, List.of(), 1).deck().unit())
            .isEqualTo(Estimate.Unit.DAYS);
    }

    static List<Vote> votes(Deck deck, String... faces) {
        var votes = new java.util.ArrayList<Vote>();
        for (int i = 0; i < faces.length; i++) {
            votes.add(new Vote(i + 1, "voter " + (i + 1), deck.card(faces[i]).orElseThrow()));
        }
        return votes;
    }
}
