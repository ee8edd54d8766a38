package dev.refinery.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

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

    static EstimatedItem item(long team, String key, String title, String text, int value, long order) {
        return new EstimatedItem(team, key, title, text, BigDecimal.valueOf(value), order);
    }
}
