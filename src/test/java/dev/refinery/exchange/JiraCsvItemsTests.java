package dev.refinery.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.Status;
import dev.refinery.exchange.Reading.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class JiraCsvItemsTests {

    @ParameterizedTest
    @ValueSource(strings = { "jira-export.csv", "jira-export-semicolons.csv" })
    void readsEveryIssueOfAnExportWithItsRowAndKey(String file) {
        var reading = JiraCsvItems.read(SampleFiles.text(file));

        assertThat(reading.items()).extracting(ImportedItem::row, ImportedItem::externalKey, item -> item.content().title())
            .containsExactly(tuple(2, "jira:PAY-17", "Pay by SEPA direct debit"),
                    tuple(3, "jira:PAY-18", "Refunds, partial and full"),
                    tuple(5, "jira:PAY-20", "Retry failed card payments"),
                    tuple(6, "jira:PAY-21", "Show fees before paying"));
        assertThat(reading.errors())
            .containsExactly(new RowError(4, "Custom field (Story Points) \"abc\" is not a number."));
    }

    @ParameterizedTest
    @ValueSource(strings = { "jira-export.csv", "jira-export-semicolons.csv" })
    void turnsTheFieldsOfAnIssueIntoAnItem(String file) {
        var sepa = JiraCsvItems.read(SampleFiles.text(file)).items().getFirst().content();

        assertThat(sepa.description()).isEqualTo("""
                ## Why
                Customers in the EU want to pay **without a card**.

                1. Ask for the IBAN
                1. Store the mandate
                   1. Sign it

                ```java
                Mandate mandate = mandates.sign(iban);
                // *not bold* here
                ```""");
        assertThat(sepa.estimate()).isEqualTo(Estimate.of(new BigDecimal("5"), Estimate.Unit.POINTS));
        assertThat(sepa.labels()).containsExactly("payments", "sepa", "priority-high");
        assertThat(sepa.deadline()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(sepa.deadlineReason()).isEqualTo("Due date in Jira");
        assertThat(sepa.status()).isEqualTo(Status.NEEDS_REFINEMENT);
        assertThat(sepa.workstream()).isEqualTo("Payments EU");
        assertThat(sepa.acceptanceCriteria()).containsExactly(new Criterion("Customer can pick SEPA at checkout", false),
                new Criterion("The mandate is stored, with its date", false));
    }

    @Test
    void readsTheOtherIssuesOfTheExport() {
        var items = JiraCsvItems.read(SampleFiles.text("jira-export.csv")).items();
        var refunds = items.get(1).content();
        var retry = items.get(2).content();
        var fees = items.get(3).content();

        assertThat(refunds.description())
            .isEqualTo("Refund *part* of an order through `RefundGateway`, see [the design](https://example.com/refunds).");
        assertThat(refunds.estimate()).isEqualTo(Estimate.of(new BigDecimal("3.5"), Estimate.Unit.POINTS));
        assertThat(refunds.labels()).containsExactly("refunds", "priority-medium");
        assertThat(refunds.status()).isEqualTo(Status.PLANNED);
        assertThat(refunds.deadline()).isNull();
        assertThat(refunds.workstream()).isNull();
        assertThat(refunds.acceptanceCriteria()).extracting(Criterion::text)
            .containsExactly("Partial refund keeps the rest", "Full refund closes the order");

        assertThat(retry.description()).isEqualTo("> Payments fail at night; retry them.\n---\nSee ~~the old job~~ the new scheduler.");
        assertThat(retry.status()).isEqualTo(Status.DONE);
        assertThat(retry.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(retry.workstream()).isEqualTo("Checkout");
        assertThat(retry.acceptanceCriteria()).isEmpty();

        assertThat(fees.description())
            .isEqualTo("```\nfee = amount * 0.014 + 0.25\n```\n| Card | Fee |\n| --- | --- |\n| Visa | 1.4% |\n| Amex | 2.9% |");
        assertThat(fees.status()).as("a status Refinery does not know").isEqualTo(Status.NEEDS_REFINEMENT);
        assertThat(fees.labels()).containsExactly("fees", "checkout", "priority-highest");
        assertThat(fees.deadline()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(fees.estimate()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "->", textBlock = """
            27/Nov/26 12:00 AM -> 2026-11-27
            27/nov/26 3:30 pm  -> 2026-11-27
            27/Nov/26          -> 2026-11-27
            1/Feb/2027         -> 2027-02-01
            2026-11-27         -> 2026-11-27
            2026-11-27 00:00   -> 2026-11-27
            """)
    void readsTheDueDatesJiraWrites(String due, LocalDate date) {
        var item = JiraCsvItems.read("Summary,Issue key,Due date\nPay,PAY-1," + due + "\n").items().getFirst();

        assertThat(item.content().deadline()).isEqualTo(date);
    }

    @Test
    void reportsADueDateItCannotRead() {
        assertThat(JiraCsvItems.read("Summary,Issue key,Due date\nPay,PAY-1,31/Foo/26\n").errors())
            .containsExactly(new RowError(2, "Due date \"31/Foo/26\" is not a date like 27/Nov/26."));
    }

    @Test
    void findsTheWorkstreamInTheEpicLinkOrElseTheParent() {
        var file = """
                Summary,Issue key,Parent,Parent summary,Custom field (Epic Link)
                A,P-1,P-100,Checkout,Payments EU
                B,P-2,P-100,Checkout,
                C,P-3,P-100,,
                D,P-4,,%s,
                """.formatted("x".repeat(100));

        assertThat(JiraCsvItems.read(file).items()).extracting(item -> item.content().workstream())
            .containsExactly("Payments EU", "Checkout", "P-100", "x".repeat(80));
    }

    @Test
    void takesStoryPointsFromTheColumnsJiraNamesThem() {
        var file = "Summary,Issue key,Story Points,Custom field (Story point estimate)\nA,P-1,,\"2,5\"\nB,P-2,13,\n";

        assertThat(JiraCsvItems.read(file).items()).extracting(item -> item.content().estimate().toString())
            .containsExactly("2.5 pt", "13 pt");
    }

    @Test
    void reportsEmptySummariesAndKeys() {
        var file = "Summary,Issue key\n,P-1\nB,\nC,%s\n".formatted("P".repeat(196));

        assertThat(JiraCsvItems.read(file).errors()).containsExactly(
                new RowError(2, "Summary is empty: every item needs a title."),
                new RowError(3, "Issue key is empty: every row needs its key."),
                new RowError(4, "Issue key \"" + "P".repeat(40) + "…\" is longer than 195 characters."));
    }

    @Test
    void rejectsAFileWithoutSummaryOrIssueKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> JiraCsvItems.read("Title,Key\nA,B\n"))
            .withMessage("This is not a Jira CSV export: it has no Summary column.");
        assertThatIllegalArgumentException().isThrownBy(() -> JiraCsvItems.read("Summary,Key\nA,B\n"))
            .withMessage("This is not a Jira CSV export: it has no Issue key column.");
    }
}
