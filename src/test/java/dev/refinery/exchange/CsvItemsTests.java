package dev.refinery.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.Status;
import dev.refinery.exchange.Reading.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class CsvItemsTests {

    private static final String FILE = SampleFiles.text("generic.csv");

    private static Map<String, String> mapping() {
        var mapping = new LinkedHashMap<>(CsvItems.suggest(CsvItems.preview(FILE, 0).headers()));
        mapping.put("Business value", "importance.businessValue");
        mapping.put("Component", "custom.component");
        return mapping;
    }

    @Test
    void suggestsFieldsByTheUsualColumnNames() {
        assertThat(CsvItems.suggest(List.of("Id", "Title", "Description", "Points", "Tags", "Status", "Deadline",
                "Business value", "Owner")))
            .containsExactly(Map.entry("Id", "key"), Map.entry("Title", "title"), Map.entry("Description", "description"),
                    Map.entry("Points", "estimate"), Map.entry("Tags", "labels"), Map.entry("Status", "status"),
                    Map.entry("Deadline", "deadline"), Map.entry("Business value", "ignore"), Map.entry("Owner", "ignore"));
        assertThat(CsvItems.suggest(List.of(" summary ", "STORY POINTS", "Due date", "Epic", "Acceptance criteria", "Key", "Issue key")))
            .containsExactly(Map.entry("summary", "title"), Map.entry("STORY POINTS", "estimate"), Map.entry("Due date", "deadline"),
                    Map.entry("Epic", "workstream"), Map.entry("Acceptance criteria", "acceptanceCriteria"),
                    Map.entry("Key", "key"), Map.entry("Issue key", "ignore"));
    }

    @Test
    void previewsTheHeadersAndTheFirstRows() {
        var preview = CsvItems.preview(FILE, 2);

        assertThat(preview.headers()).containsExactly("Id", "Title", "Description", "Points", "Tags", "Status",
                "Deadline", "Business value", "Component", "Owner");
        assertThat(preview.rows()).hasSize(2);
        assertThat(preview.rows().get(1)).containsExactly("T-2", "Reset a forgotten password", "", "3,5",
                "accounts; security", "In Progress", "31.01.2027", "5", "", "Ben");
    }

    @Test
    void readsEveryMappedField() {
        var reading = CsvItems.read(FILE, mapping());

        assertThat(reading.items()).extracting(ImportedItem::row, ImportedItem::externalKey)
            .containsExactly(tuple(2, "T-1"), tuple(3, "T-2"), tuple(4, "T-3"));
        var signUp = reading.items().get(0).content();
        assertThat(signUp.title()).isEqualTo("Sign up with email");
        assertThat(signUp.description()).isEqualTo("People sign up without a social account.");
        assertThat(signUp.estimate()).isEqualTo(Estimate.of(new BigDecimal("3"), Estimate.Unit.POINTS));
        assertThat(signUp.labels()).containsExactly("onboarding", "accounts");
        assertThat(signUp.status()).isEqualTo(Status.NEEDS_REFINEMENT);
        assertThat(signUp.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(signUp.importance()).containsExactly(Map.entry("businessValue", new BigDecimal("8")));
        assertThat(signUp.customFields()).containsExactly(Map.entry("component", "web"));
        var reset = reading.items().get(1).content();
        assertThat(reset.estimate()).isEqualTo(Estimate.of(new BigDecimal("3.5"), Estimate.Unit.POINTS));
        assertThat(reset.labels()).containsExactly("accounts", "security");
        assertThat(reset.status()).isEqualTo(Status.PLANNED);
        assertThat(reset.deadline()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(reset.customFields()).isEmpty();
        var twoFactor = reading.items().get(2).content();
        assertThat(twoFactor.description()).isEqualTo("Codes by app, not SMS.\nBackup codes too.");
        assertThat(twoFactor.status()).isEqualTo(Status.READY);
        assertThat(twoFactor.deadline()).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void reportsADateThatDoesNotExistInItsRow() {
        assertThat(CsvItems.read(FILE, mapping()).errors())
            .containsExactly(new RowError(5, "Deadline \"31/02/2027\" is not a date like 2026-12-31 or 31/12/2026."));
    }

    @Test
    void reportsUnreadableValuesWithTheirColumnAndRow() {
        var file = """
                Title,Story Points,Status,Key
                One,abc,Open,A
                ,1,Open,B
                Three,0.25,Open,C
                Four,1,Sleeping,D
                Five,1,Open,
                Six,1,Open,%s
                """.formatted("k".repeat(201));
        var mapping = Map.of("Title", "title", "Story Points", "estimate", "Status", "status", "Key", "key");

        assertThat(CsvItems.read(file, mapping).errors()).containsExactly(
                new RowError(2, "Story Points \"abc\" is not a number."),
                new RowError(3, "Title is empty: every item needs a title."),
                new RowError(4, "Story Points \"0.25\" is not an estimate: points go from 0 to 999 in steps of 0.5."),
                new RowError(5, "Status \"Sleeping\" is not a status: use draft, needs-refinement, ready, planned, done or removed."),
                new RowError(6, "Key is empty: every row needs its key."),
                new RowError(7, "Key \"" + "k".repeat(40) + "…\" is longer than 200 characters."));
    }

    @Test
    void derivesTheSameKeysFromTheSameFile() {
        var mapping = new LinkedHashMap<>(mapping());
        mapping.put("Id", "ignore");

        var first = CsvItems.read(FILE, mapping).items().stream().map(ImportedItem::externalKey).toList();
        var second = CsvItems.read(FILE, mapping).items().stream().map(ImportedItem::externalKey).toList();

        assertThat(first).hasSize(3).doesNotHaveDuplicates().isEqualTo(second)
            .allSatisfy(key -> assertThat(key).matches("csv:[0-9a-f]{32}"));
    }

    @Test
    void derivesAnotherKeyWhenAValueMovesToAnotherColumn() {
        var mapping = Map.of("A", "title", "B", "description");

        var one = CsvItems.read("A,B\nx,y\n", mapping).items().getFirst().externalKey();
        var other = CsvItems.read("A,B\nxy,\n", mapping).items().getFirst().externalKey();

        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void addsUpRepeatedLabelColumnsAndCriteriaLines() {
        var file = "Title;Labels;Labels;AC\nPay;a, b;b;\"First\n\n  Second  \"\n";
        var mapping = Map.of("Title", "title", "Labels", "labels", "AC", "acceptanceCriteria");

        var item = CsvItems.read(file, mapping).items().getFirst().content();

        assertThat(item.labels()).containsExactly("a", "b");
        assertThat(item.acceptanceCriteria()).containsExactly(new Criterion("First", false), new Criterion("Second", false));
    }

    @Test
    void readsStatusesByCodeLabelAndCommonWords() {
        var file = "Title,Status\nA,needs-refinement\nB,Needs refinement\nC,to do\nD,Backlog\nE,Closed\nF,RESOLVED\nG,removed\n";

        var statuses = CsvItems.read(file, Map.of("Title", "title", "Status", "status")).items().stream()
            .map(item -> item.content().status()).toList();

        assertThat(statuses).containsExactly(Status.NEEDS_REFINEMENT, Status.NEEDS_REFINEMENT, Status.NEEDS_REFINEMENT,
                Status.NEEDS_REFINEMENT, Status.DONE, Status.DONE, Status.REMOVED);
    }

    @Test
    void takesTheWorkstreamAndTechnicalNotesAsWritten() {
        var item = CsvItems.read("Title,Team,Notes\nPay,  Payments EU ,Use *the* queue\n",
                Map.of("Title", "title", "Team", "workstream", "Notes", "technicalNotes")).items().getFirst().content();

        assertThat(item.workstream()).isEqualTo("Payments EU");
        assertThat(item.technicalNotes()).isEqualTo("Use *the* queue");
    }

    @Test
    void endsTheLinesOfTextWithLineFeeds() {
        var file = "Title,Description\r\nPay,\"First\r\nSecond\"\r\n";

        var item = CsvItems.read(file, Map.of("Title", "title", "Description", "description")).items().getFirst().content();

        assertThat(item.description()).isEqualTo("First\nSecond");
    }

    @Test
    void rejectsAMappingWithoutATitle() {
        assertThatIllegalArgumentException().isThrownBy(() -> CsvItems.read(FILE, Map.of("Id", "key")))
            .withMessage("Choose the column that holds the title: every item needs one.");
    }

    @Test
    void rejectsAMappingToAColumnOrFieldThatDoesNotExist() {
        assertThatIllegalArgumentException().isThrownBy(() -> CsvItems.read(FILE, Map.of("Name", "title")))
            .withMessage("The file has no column \"Name\".");
        assertThatIllegalArgumentException().isThrownBy(() -> CsvItems.read(FILE, Map.of("Title", "title", "Owner", "owner")))
            .withMessage("The column \"Owner\" maps to \"owner\", which is not a field of an item.");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> CsvItems.read(FILE, new LinkedHashMap<>(Map.of("Title", "title", "Description", "title"))))
            .withMessageStartingWith("Only one column can be the title");
    }
}
