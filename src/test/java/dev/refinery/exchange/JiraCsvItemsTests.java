package dev.refinery.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;

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
        var reading = JiraCsvItems.read(SampleFiles.text(file), ImportChoices.DEFAULT);

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
        var sepa = JiraCsvItems.read(SampleFiles.text(file), ImportChoices.DEFAULT).items().getFirst().content();

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
        assertThat(sepa.labels()).containsExactly("payments", "sepa", "priority-high", "type:story");
        assertThat(sepa.deadline()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(sepa.deadlineReason()).isEqualTo("Due date in Jira");
        assertThat(sepa.status()).isEqualTo(Status.NEEDS_REFINEMENT);
        assertThat(sepa.workstream()).isEqualTo("Payments EU");
        assertThat(sepa.acceptanceCriteria()).containsExactly(new Criterion("Customer can pick SEPA at checkout", false),
                new Criterion("The mandate is stored, with its date", false));
    }

    @Test
    void readsTheOtherIssuesOfTheExport() {
        var items = JiraCsvItems.read(SampleFiles.text("jira-export.csv"), ImportChoices.DEFAULT).items();
        var refunds = items.get(1).content();
        var retry = items.get(2).content();
        var fees = items.get(3).content();

        assertThat(refunds.description())
            .isEqualTo("Refund *part* of an order through `RefundGateway`, see [the design](https://example.com/refunds).");
        assertThat(refunds.estimate()).isEqualTo(Estimate.of(new BigDecimal("3.5"), Estimate.Unit.POINTS));
        assertThat(refunds.labels()).containsExactly("refunds", "priority-medium", "type:story");
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
        assertThat(fees.labels()).containsExactly("fees", "checkout", "priority-highest", "type:story");
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
        var item = JiraCsvItems.read("Summary,Issue key,Due date\nPay,PAY-1," + due + "\n", ImportChoices.DEFAULT).items()
            .getFirst();

        assertThat(item.content().deadline()).isEqualTo(date);
    }

    @Test
    void reportsADueDateItCannotRead() {
        assertThat(JiraCsvItems.read("Summary,Issue key,Due date\nPay,PAY-1,31/Foo/26\n", ImportChoices.DEFAULT).errors())
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

        assertThat(JiraCsvItems.read(file, ImportChoices.DEFAULT).items()).extracting(item -> item.content().workstream())
            .containsExactly("Payments EU", "Checkout", "P-100", "x".repeat(80));
    }

    @Test
    void takesStoryPointsFromTheColumnsJiraNamesThem() {
        var file = "Summary,Issue key,Story Points,Custom field (Story point estimate)\nA,P-1,,\"2,5\"\nB,P-2,13,\n";

        assertThat(JiraCsvItems.read(file, ImportChoices.DEFAULT).items()).extracting(item -> item.content().estimate().toString())
            .containsExactly("2.5 pt", "13 pt");
    }

    @Test
    void reportsEmptySummariesAndKeys() {
        var file = "Summary,Issue key\n,P-1\nB,\nC,%s\n".formatted("P".repeat(196));

        assertThat(JiraCsvItems.read(file, ImportChoices.DEFAULT).errors()).containsExactly(
                new RowError(2, "Summary is empty: every item needs a title."),
                new RowError(3, "Issue key is empty: every row needs its key."),
                new RowError(4, "Issue key \"" + "P".repeat(40) + "…\" is longer than 195 characters."));
    }

    @Test
    void rejectsAFileWithoutSummaryOrIssueKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> JiraCsvItems.read("Title,Key\nA,B\n", ImportChoices.DEFAULT))
            .withMessage("This is not a Jira CSV export: it has no Summary column.");
        assertThatIllegalArgumentException().isThrownBy(() -> JiraCsvItems.read("Summary,Key\nA,B\n", ImportChoices.DEFAULT))
            .withMessage("This is not a Jira CSV export: it has no Issue key column.");
    }

    @Test
    void readsTheOldLayoutWithEpicsAsNamedWorkstreamsAndSubTasksAsParts() {
        var reading = JiraCsvItems.read(SampleFiles.text("jira-export-2016.csv"), ImportChoices.DEFAULT);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.items()).extracting(ImportedItem::externalKey, item -> item.content().workstream(),
                item -> item.content().status(), ImportedItem::partOf)
            .containsExactly(tuple("jira:SHOP-4", "Checkout", Status.DONE, "jira:SHOP-3"),
                    tuple("jira:SHOP-3", "Checkout", Status.PLANNED, null),
                    tuple("jira:SHOP-5", "Search that finds things: typo tolerance, synonyms and a ranking by what",
                            Status.DRAFT, null),
                    tuple("jira:SHOP-6", "SHOP-99", Status.REMOVED, null));
        var card = reading.items().get(1).content();
        assertThat(card.labels()).containsExactly("cards", "priority-high", "type:story", "component:API", "component:Web",
                "fix:2.3", "sprint:Sprint 11", "sprint:Sprint 12");
        assertThat(card.description()).isEqualTo("## Why\nCustomers pay **twice** a month.\n1. Keep the card\n1. Charge it");
        assertThat(card.estimate()).hasToString("5 pt");
        assertThat(reading.items().get(0).content().labels()).containsExactly("priority-medium", "type:sub-task", "sprint:Sprint 12");
        assertThat(reading.items().get(2).content().labels())
            .containsExactly("priority-low", "type:bug", "component:Payments EU", "sprint:Sprint 14 of the long winter");
        assertThat(reading.workstreams()).containsExactly("Checkout",
                "Search that finds things: typo tolerance, synonyms and a ranking by what", "Returns and refunds");
        assertThat(reading.notes()).containsExactly("3 epics became workstreams, not items");
    }

    @Test
    void readsTheNewLayoutWithParentsStatusCategoriesAndStoryPointEstimates() {
        var reading = JiraCsvItems.read(SampleFiles.text("jira-export-2026.csv"), ImportChoices.DEFAULT);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.items()).extracting(ImportedItem::externalKey, item -> item.content().workstream(),
                item -> item.content().status(), ImportedItem::partOf)
            .containsExactly(tuple("jira:APP-2", "Mobile app", Status.PLANNED, null),
                    tuple("jira:APP-3", "Mobile app", Status.DONE, "jira:APP-2"),
                    tuple("jira:APP-4", "Offline mode", Status.DRAFT, null),
                    tuple("jira:APP-5", null, Status.REMOVED, null));
        var passkey = reading.items().getFirst().content();
        assertThat(passkey.labels()).containsExactly("ios", "android", "priority-high", "type:story", "component:auth",
                "fix:1.0", "sprint:APP Sprint 3", "sprint:APP Sprint 4");
        assertThat(passkey.estimate()).hasToString("3 pt");
        assertThat(reading.items().get(2).content().estimate()).hasToString("8 pt");
        assertThat(reading.items().get(3).content().estimate()).hasToString("0.5 pt");
        assertThat(reading.workstreams()).containsExactly("Mobile app");
        assertThat(reading.notes()).containsExactly("1 epic became a workstream, not an item",
                "1 story point value was rounded up to the next half point (row 6)");
    }

    @Test
    void importsEpicsAlsoAsItemsInTheirOwnWorkstreamWhenThePersonChooses() {
        var choices = new ImportChoices(true, ImportChoices.DEFAULT.labels(), Map.of(), false);

        var reading = JiraCsvItems.read(SampleFiles.text("jira-export-2016.csv"), choices);

        assertThat(reading.items()).extracting(ImportedItem::externalKey, item -> item.content().workstream())
            .startsWith(tuple("jira:SHOP-1", "Checkout"),
                    tuple("jira:SHOP-2", "Search that finds things: typo tolerance, synonyms and a ranking by what"));
        assertThat(reading.items()).hasSize(7);
        assertThat(reading.workstreams()).contains("Checkout", "Returns and refunds");
        assertThat(reading.notes()).noneMatch(note -> note.contains("epic"));
    }

    @Test
    void leavesOutTheKindsOfLabelsThePersonSwitchedOff() {
        var choices = new ImportChoices(false, EnumSet.of(ImportChoices.LabelKind.COMPONENT), Map.of(), false);

        var card = JiraCsvItems.read(SampleFiles.text("jira-export-2016.csv"), choices).items().get(1).content();

        assertThat(card.labels()).containsExactly("cards", "priority-high", "component:API", "component:Web");
    }

    @Test
    void putsAStatusWithoutACategoryWhereThePersonChoseButACategorisedOneByItsCategory() {
        var file = "Summary,Issue key,Status,Status Category\nPay,PAY-1,Staging,\nShip,PAY-2,Staging,Done\nAsk,PAY-3,Wishlist,\n";
        var choices = ImportChoices.DEFAULT.withStatuses(Map.of("Staging", Status.DONE));

        assertThat(JiraCsvItems.read(file, choices).items()).extracting(item -> item.content().status())
            .containsExactly(Status.DONE, Status.DONE, Status.DRAFT);
        assertThat(JiraCsvItems.read(file.replace(",Done\n", ",In Progress\n"), choices).items().get(1).content().status())
            .isEqualTo(Status.PLANNED);
    }

    @Test
    void describesWhichColumnsItReadsWhichItPassesOverAndTheStatusesWithoutACategory() {
        var choices = new ImportChoices(false, EnumSet.of(ImportChoices.LabelKind.TYPE), Map.of(), false);

        var layout = JiraCsvItems.layout(SampleFiles.text("jira-export-2016.csv"), choices);

        assertThat(layout.read()).extracting(FileLayout.FieldUse::source, FileLayout.FieldUse::field)
            .contains(tuple("Summary", "Title"), tuple("Issue Type", "Label type:…, epics and sub-tasks"),
                    tuple("Custom field (Story Points)", "Estimate (points)"),
                    tuple("Custom field (Epic Link)", "Workstream (the epic's name)"));
        assertThat(layout.ignored()).containsExactly("Component/s", "Fix Version/s", "Sprint");
        assertThat(layout.statuses()).extracting(FileLayout.StatusName::name, FileLayout.StatusName::byWords)
            .containsExactly(tuple("To Do", Status.NEEDS_REFINEMENT), tuple("Open", Status.NEEDS_REFINEMENT),
                    tuple("VERIFIED BY QA", Status.DONE), tuple("Staging", Status.PLANNED), tuple("Wishlist", Status.DRAFT),
                    tuple("Won't Fix", Status.REMOVED), tuple("Backlog", Status.NEEDS_REFINEMENT));
    }

    @Test
    void turnsEveryWikiConstructOfADescriptionIntoMarkdownWithTheNamesAndAttachmentsTheExportHolds() {
        var rules = JiraCsvItems.read(SampleFiles.text("jira-export-wiki.csv"), ImportChoices.DEFAULT).items().get(1);

        assertThat(rules.content().description()).isEqualTo("""
                ## Rules
                > **Agreed with finance**
                > Refunds over **500 EUR** need @Fay Fixer or @70121:unknown.
                | Case | Refund |
                | --- | --- |
                | Damaged | full |
                | Late | [half](https://wiki.example.com/late) |
                Call `refund(order)` or `POST /refunds` once.
                ```java
                Refund refund = orders.refund(id);
                ```
                ```
                *raw* text
                ```
                [flow.png](https://wiki.atlassian.net/secure/attachment/30001/flow.png) \
                [totals; Q4.png](https://wiki.atlassian.net/secure/attachment/30002/totals%3B%20Q4.png) \
                (image: missing.png)""");
    }

    @Test
    void findsASubTasksParentByItsKeyWhenTheParentIsNotInTheFile() {
        var file = """
                Summary,Issue key,Issue Type,Parent
                Tests,P-7,Sub-task,P-3
                Docs,P-8,Subtask,10003
                """;

        assertThat(JiraCsvItems.read(file, ImportChoices.DEFAULT).items()).extracting(ImportedItem::partOf)
            .containsExactly("jira:P-3", null);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "->", textBlock = """
            Staging               -> PLANNED
            Wishlist              -> DRAFT
            VERIFIED BY X         -> DONE
            Ready                 -> NEEDS_REFINEMENT
            Awaiting Approval     -> NEEDS_REFINEMENT
            Won't Fix             -> REMOVED
            Code Review           -> PLANNED
            Closed                -> DONE
            """)
    void readsStatusesByTheirWordsWithoutACategory(String name, Status status) {
        var item = JiraCsvItems.read("Summary,Issue key,Status\nPay,PAY-1," + name + "\n", ImportChoices.DEFAULT).items().getFirst();

        assertThat(item.content().status()).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "->", textBlock = """
            Staging,To Do            -> NEEDS_REFINEMENT
            Wishlist,To Do           -> DRAFT
            Deployed,In Progress     -> PLANNED
            Rejected,Done            -> REMOVED
            Shipped to QA,Done       -> DONE
            Blocked,Something Else   -> NEEDS_REFINEMENT
            """)
    void readsStatusesByTheirCategoryFirst(String nameAndCategory, Status status) {
        var item = JiraCsvItems.read("Summary,Issue key,Status,Status Category\nPay,PAY-1," + nameAndCategory + "\n",
                ImportChoices.DEFAULT).items().getFirst();

        assertThat(item.content().status()).isEqualTo(status);
    }

    @Test
    void roundsStoryPointsUpToHalvesAndLeavesOutThoseRefineryCannotKeep() {
        var file = "Summary,Issue key,Custom field (Story Points)\nA,P-1,0.25\nB,P-2,1.3\nC,P-3,1000\nD,P-4,-1\nE,P-5,2.0\n";

        var reading = JiraCsvItems.read(file, ImportChoices.DEFAULT);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.items()).extracting(item -> String.valueOf(item.content().estimate()))
            .containsExactly("0.5 pt", "1.5 pt", "null", "null", "2 pt");
        assertThat(reading.notes()).containsExactly(
                "2 story point values were rounded up to the next half point (rows 2, 3)",
                "2 story point values were left out: Refinery takes 0 to 999 points (rows 4, 5)");
    }

    @Test
    void keepsThirtyLabelsAndSaysWhichIssuesHadMore() {
        var header = "Summary,Issue key" + ",Labels".repeat(35);
        var many = new StringBuilder("Pay,PAY-1");
        for (int i = 1; i <= 35; i++) {
            many.append(",l").append(i);
        }
        var reading = JiraCsvItems.read(header + "\n" + many + "\nFew,PAY-2,a" + ",".repeat(34) + "\n", ImportChoices.DEFAULT);

        assertThat(reading.items().getFirst().content().labels()).hasSize(30).startsWith("l1").endsWith("l30");
        assertThat(reading.items().get(1).content().labels()).containsExactly("a");
        assertThat(reading.notes())
            .containsExactly("1 issue had more than 30 labels: the last ones were left out (row 2)");
    }

    @Test
    void makesLabelsOfAnyTextWithoutRefusingTheRow() {
        assertThat(JiraCsvItems.label("  Payments,  EU ")).isEqualTo("Payments EU");
        assertThat(JiraCsvItems.label("component:" + "x".repeat(50))).isEqualTo("component:" + "x".repeat(30));
        assertThat(JiraCsvItems.label("fix:Release for the customers in the north")).isEqualTo("fix:Release for the customers in the");
    }
}
