package dev.refinery.prioritization;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.refinery.backlog.ItemKey;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTests {

    final Scorer scorer = new Scorer(ScoringModel.DEFAULT, ScorerTests.TODAY);

    final Ranked high = ranked(1, 9);
    final Ranked middle = ranked(2, 5);
    final Ranked low = ranked(3, 1);
    final Ranked unestimated = new Ranked(ScorerTests.item(4, null, ScorerTests.wsjf(9), null),
            scorer.score(ScorerTests.item(4, null, ScorerTests.wsjf(9), null)), null);

    @Test
    void ranksByScoreThenTheBandThatNeedsInput() {
        assertThat(keys(Ranking.order(List.of(unestimated, low, high, middle), List.of()))).containsExactly(1, 2, 3, 4);
    }

    @Test
    void putsOverdueItemsFirstInTheirBand() {
        var overdueItem = ScorerTests.item(5, ScorerTests.days("10"), ScorerTests.wsjf(1), ScorerTests.TODAY.minusDays(1));
        var overdue = new Ranked(overdueItem, scorer.score(overdueItem), null);

        assertThat(keys(Ranking.order(List.of(high, overdue, middle), List.of()))).containsExactly(5, 1, 2);
    }

    @Test
    void placesPinnedItemsRightAboveOrBelowTheirAnchors() {
        var pins = List.of(pin(3, 1, Pin.Placement.ABOVE, 1), pin(4, 3, Pin.Placement.BELOW, 2));

        var order = Ranking.order(List.of(high, middle, low, unestimated), pins);

        assertThat(keys(order)).containsExactly(3, 4, 1, 2);
        assertThat(order.get(0).pin()).isNotNull();
        assertThat(order.get(2).pin()).isNull();
    }

    @Test
    void leavesAnItemAtItsScoresPlaceWhenItsAnchorIsGoneOrThePinsGoRound() {
        var gone = List.of(pin(3, 99, Pin.Placement.ABOVE, 1));
        var circle = List.of(pin(1, 2, Pin.Placement.BELOW, 1), pin(2, 1, Pin.Placement.BELOW, 2));

        assertThat(keys(Ranking.order(List.of(high, middle, low), gone))).containsExactly(1, 2, 3);
        assertThat(keys(Ranking.order(List.of(high, middle, low), circle))).containsExactly(1, 2, 3);
    }

    Ranked ranked(int number, int each) {
        var item = ScorerTests.item(number, ScorerTests.days("1"), ScorerTests.wsjf(each), null);
        return new Ranked(item, scorer.score(item), null);
    }

    static Pin pin(int item, int anchor, Pin.Placement placement, int second) {
        return new Pin(new ItemKey("PAY", item), new ItemKey("PAY", anchor), placement, Instant.ofEpochSecond(second));
    }

    static List<Integer> keys(List<Ranked> order) {
        return order.stream().map(r -> r.item().key().number()).toList();
    }
}
