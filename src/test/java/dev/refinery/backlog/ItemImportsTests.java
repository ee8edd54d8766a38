package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Forbidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ItemImportsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    ItemImports imports;

    @Autowired
    BacklogItems items;

    @Autowired
    Workstreams workstreams;

    Account ana;
    String team;

    @BeforeEach
    void team() {
        ana = new People(accounts, mvc).someone("Ana");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), ana.id());
    }

    @Test
    void savesEveryFieldOfEachNewItemWithItsOriginInTheHistory() {
        var checked = imports.add(team, List.of(new ImportedItem(2, "PAY-17", ItemPatch.empty()
            .title("Pay by SEPA")
            .description("## Why\nGermany asks for it.")
            .acceptanceCriteria(List.of(new Criterion("A mandate is stored", false)))
            .estimate(Estimate.of(new BigDecimal("5"), Estimate.Unit.POINTS))
            .importance(Map.of("businessValue", new BigDecimal("8")))
            .deadline(LocalDate.of(2026, 12, 24), "")
            .workstream("Checkout")
            .labels(List.of("sepa", "priority-high"))
            .status(Status.NEEDS_REFINEMENT))), List.of(), false, "jira-csv", ana, (saved, of) -> {
            });

        assertThat(checked.added()).isEqualTo(1);
        assertThat(checked.newWorkstreams()).containsExactly("Checkout");
        var item = items.find(team, team + "-1", ana.id());
        assertThat(item.content().title()).isEqualTo("Pay by SEPA");
        assertThat(item.content().description()).isEqualTo("## Why\nGermany asks for it.");
        assertThat(item.content().acceptanceCriteria()).containsExactly(new Criterion("A mandate is stored", false));
        assertThat(item.content().estimate()).hasToString("5 pt");
        assertThat(item.content().importance().get("businessValue")).isEqualByComparingTo("8");
        assertThat(item.content().deadline()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(item.content().workstream()).isEqualTo("Checkout");
        assertThat(item.content().labels()).containsExactly("sepa", "priority-high");
        assertThat(item.content().status()).isEqualTo(Status.NEEDS_REFINEMENT);
        assertThat(items.history(team, team + "-1", ana.id()))
            .extracting(HistoryLine::field, HistoryLine::after).containsExactly(org.assertj.core.groups.Tuple.tuple(
                    "Imported from", "jira-csv PAY-17"));
    }

    @Test
    void addsNothingTheSecondTimeTheSameKeysArrive() {
        var rows = List.of(titled(2, "GH-1", "Export the queue"), titled(3, "GH-2", "Import from Jira"));
        imports.add(team, rows, List.of(), false, "github-json", ana, (saved, of) -> {
        });

        var again = imports.add(team, rows, List.of(), false, "github-json", ana, (saved, of) -> {
        });

        assertThat(again.added()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(2);
        assertThat(items.summaries(team, ana.id())).hasSize(2);
    }

    @Test
    void namesEveryRowWithAProblemAndSavesNoneUnlessTheyAreToBeLeftOut() {
        var rows = List.of(titled(2, "A", "Fine"), titled(3, "B", ""), titled(4, "A", "Same key as row 2"),
                new ImportedItem(5, "C", ItemPatch.empty().title("Unknown field").customFields(Map.of("Team", "Web"))));

        var checked = imports.check(team, rows, List.of(), ana.id());

        assertThat(checked.problems()).extracting(ItemImports.Problem::row).containsExactly(3, 4, 5);
        assertThat(checked.problems().get(0).reason()).isEqualTo("title: Give the item a title.");
        assertThat(checked.problems().get(1).reason()).isEqualTo("it has the same key A as row 2");
        assertThat(checked.problems().get(2).reason()).isEqualTo("customFields.Team: The template has no field Team.");
        var heard = new ArrayList<Integer>();
        var refused = imports.add(team, rows, List.of(), false, "csv", ana, (saved, of) -> heard.add(saved));
        assertThat(refused.problems()).isEqualTo(checked.problems());
        assertThat(heard).isEmpty();
        assertThat(items.summaries(team, ana.id())).isEmpty();

        var leftOut = imports.add(team, rows, List.of(), true, "csv", ana, (saved, of) -> heard.add(saved));

        assertThat(leftOut.problems()).extracting(ItemImports.Problem::row).containsExactly(3, 4, 5);
        assertThat(leftOut.added()).isEqualTo(1);
        assertThat(items.summaries(team, ana.id())).extracting(summary -> summary.title()).containsExactly("Fine");
    }

    @Test
    void leavesNothingBehindWhenStoppedHalfway() {
        var rows = new ArrayList<ImportedItem>();
        for (int i = 0; i < ItemImports.BATCH + 10; i++) {
            rows.add(new ImportedItem(i + 2, "K" + i, ItemPatch.empty().title("Item " + i).workstream("Imported stream")
                .labels(List.of("bulk"))));
        }
        var heard = new ArrayList<Integer>();

        assertThatThrownBy(() -> imports.add(team, rows, List.of(), false, "csv", ana, (saved, of) -> {
            heard.add(saved);
            if (saved == ItemImports.BATCH) {
                throw new IllegalStateException("cancelled");
            }
        })).hasMessage("cancelled");

        assertThat(heard).containsExactly(0, ItemImports.BATCH);
        assertThat(items.summaries(team, ana.id())).isEmpty();
        assertThat(workstreams.of(team, ana.id())).isEmpty();
        imports.add(team, rows.subList(0, 3), List.of(), false, "csv", ana, (saved, of) -> {
        });
        assertThat(items.summaries(team, ana.id())).extracting(summary -> summary.key().number()).containsExactly(1, 2, 3);
    }

    @Test
    void refusesObservers() {
        var olga = new People(accounts, mvc).someone("Olga");
        teams.add(team, new NewMember(olga.email(), "observer"), ana.id());

        assertThatThrownBy(() -> imports.add(team, List.of(titled(2, "A", "Anything")), List.of(), false, "csv", olga, (saved, of) -> {
        })).isInstanceOf(Forbidden.class);
    }

    @Test
    void savesAPartAsSplitFromItsWholeWhereverTheWholeIsInTheFileOrAlreadyInTheBacklog() {
        imports.add(team, List.of(titled(2, "jira:PAY-1", "Cards")), List.of(), false, "jira-csv", ana, (saved, of) -> {
        });

        imports.add(team, List.of(
                new ImportedItem(2, "jira:PAY-3", ItemPatch.empty().title("Contract tests"), "jira:PAY-2"),
                titled(3, "jira:PAY-2", "Pay with a saved card"),
                new ImportedItem(4, "jira:PAY-4", ItemPatch.empty().title("Card form"), "jira:PAY-1"),
                new ImportedItem(5, "jira:PAY-5", ItemPatch.empty().title("Orphan"), "jira:PAY-99")), List.of(), false, "jira-csv", ana,
                (saved, of) -> {
                });

        assertThat(items.find(team, team + "-2", ana.id()).content().splitFrom()).hasToString(team + "-3");
        assertThat(items.find(team, team + "-4", ana.id()).content().splitFrom()).hasToString(team + "-1");
        assertThat(items.find(team, team + "-5", ana.id()).content().splitFrom()).isNull();
        assertThat(items.related(team, team + "-3", ana.id()).splits()).extracting(Related.Line::title)
            .containsExactly("Contract tests");
    }

    @Test
    void createsTheWorkstreamsAFileNamesEvenWhenNoItemIsInThem() {
        imports.add(team, List.of(), List.of("Checkout"), false, "jira-csv", ana, (saved, of) -> {
        });

        var checked = imports.add(team, List.of(titled(2, "jira:PAY-1", "Cards")), List.of("Checkout", "Returns", " "),
                false, "jira-csv", ana, (saved, of) -> {
                });

        assertThat(checked.newWorkstreams()).containsExactly("Returns");
        assertThat(workstreams.of(team, ana.id())).extracting(Workstream::name).containsExactlyInAnyOrder("Checkout", "Returns");
    }

    private static ImportedItem titled(int row, String key, String title) {
        return new ImportedItem(row, key, ItemPatch.empty().title(title));
    }
}
