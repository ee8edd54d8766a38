package dev.refinery.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimilarItemsTests {

    private final SimilarItems index = new SimilarItems();

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void findsItemsByTheStemsOfTheirWords() {
        index.keep(item(1, "PAY-1", "Export invoices to PDF", "The customer **exports** invoices", 5, 1));
        index.keep(item(1, "PAY-2", "Rename the login button", "", 1, 2));
        index.keep(item(1, "PAY-3", "Exporting the payment report", "", 3, 3));

        var found = index.like(1, "Export the invoice", "Customers want an exported invoice", null, 5);

        assertThat(found).extracting(Similar::key).startsWith("PAY-1").doesNotContain("PAY-2");
        assertThat(found.getFirst().value()).isEqualByComparingTo("5");
    }

    @Test
    void stripsMarkdownHtmlAndJiraMarkup() {
        assertThat(SimilarItems.plain("## Goal\n*Make* the [checkout](http://example.com) <b>fast</b> {code:java}x{code} h2. Done"))
            .doesNotContain("##", "*", "http", "<b>", "{code", "h2.")
            .contains("Goal", "Make", "checkout", "fast", "Done");
    }

    @Test
    void keepsTeamsApartAndLeavesOutTheItemItself() {
        index.keep(item(1, "PAY-1", "Refund a card payment", "", 3, 1));
        index.keep(item(2, "OPS-1", "Refund a card payment", "", 8, 1));

        assertThat(index.like(1, "Refund a card payment", "", null, 5)).extracting(Similar::key).containsExactly("PAY-1");
        assertThat(index.like(1, "Refund a card payment", "", "PAY-1", 5)).isEmpty();
    }

    @Test
    void forgetsAnItemWhoseEstimateWasTakenAwayAndReplacesAnEditedOne() {
        index.keep(item(1, "PAY-1", "Refund a card payment", "", 3, 1));
        index.keep(item(1, "PAY-1", "Refund a card payment", "", 5, 2));
        assertThat(index.like(1, "refunds", "", null, 5)).extracting(Similar::value).containsExactly(new BigDecimal("5"));
        assertThat(index.history(1)).containsExactly(new BigDecimal("5"));

        index.drop(1, "PAY-1");

        assertThat(index.like(1, "refunds", "", null, 5)).isEmpty();
        assertThat(index.history(1)).isEmpty();
    }

    @Test
    void listsTheHistoryOldestFirst() {
        index.keep(item(1, "PAY-2", "b", "", 8, 20));
        index.keep(item(1, "PAY-1", "a", "", 2, 10));

        assertThat(index.history(1)).containsExactly(new BigDecimal("2"), new BigDecimal("8"));
    }

    @Test
    void keepsTeamsApartWhetherATeamHoldsMostOfTheIndexOrFewOfItsItems() {
        index.keep(item(1, "PAY-1", "Refund a card payment", "", 3, 1));
        index.keep(item(1, "PAY-2", "Refund a bank transfer", "", 5, 2));
        for (var i = 1; i <= 5; i++) {
            index.keep(item(2, "OPS-" + i, "Refund a card payment " + i, "", 8, i));
        }

        assertThat(index.like(1, "Refund a card payment", "", null, 5)).extracting(Similar::key).containsExactly("PAY-1", "PAY-2");
        assertThat(index.like(1, "Refund a card payment", "", "PAY-1", 5)).extracting(Similar::key).containsExactly("PAY-2");
        assertThat(index.like(2, "Refund a card payment", "", "OPS-3", 10)).extracting(Similar::key)
            .containsExactlyInAnyOrder("OPS-1", "OPS-2", "OPS-4", "OPS-5");
        assertThat(index.like(3, "Refund a card payment", "", null, 5)).isEmpty();
    }

    @Test
    void countsTheHistoryAsTheSuggestionReadsItAndLeavesOutAnItemsOwnEstimateAsTheListWould() {
        var random = new java.util.Random(7);
        var values = List.of(1, 2, 3, 5, 8, 13);
        var kept = new java.util.ArrayList<EstimatedItem>();
        for (var i = 0; i < 400; i++) {
            // keys come back: edited items replace what was kept of them
            var item = item(1, "PAY-" + random.nextInt(300), "t", "", values.get(random.nextInt(values.size())), i);
            kept.add(item);
            index.keep(item);
        }
        for (var i = 0; i < 30; i++) {
            index.drop(1, "PAY-" + random.nextInt(300));
        }
        var history = index.history(1);
        var tally = index.tally(1);
        assertThat(tally.size()).isEqualTo(history.size());
        assertThat(tally.recent(20)).isEqualTo(history.subList(history.size() - 20, history.size()));
        assertThat(tally.median()).isEqualByComparingTo(Suggestion.median(history));
        var deck = values.stream().map(BigDecimal::valueOf).toList();
        var similar = index.like(1, "t", "", null, 6);
        for (var own : deck) {
            var without = new java.util.ArrayList<>(history);
            without.remove(own);
            assertThat(Suggestion.of(similar, tally.without(own), deck, Suggestion.Blend.DEFAULT))
                .isEqualTo(Suggestion.of(similar, without, deck, Suggestion.Blend.DEFAULT));
        }
        // the oldest 5 among the latest: removing it takes one from the recent window
        var recentOnly = EstimateHistory.of(List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(5), BigDecimal.TWO));
        assertThat(recentOnly.without(BigDecimal.valueOf(5)).recent(3)).containsExactly(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TWO);
    }

    static EstimatedItem item(long team, String key, String title, String text, int value, long order) {
        return new EstimatedItem(team, key, title, text, BigDecimal.valueOf(value), order);
    }
}
