package dev.refinery.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.Link;
import dev.refinery.backlog.Status;
import dev.refinery.exchange.Reading.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class GithubIssuesTests {

    @Test
    void readsTheIssuesAndPassesOverPullRequests() {
        var reading = GithubIssues.read(SampleFiles.text("github-issues.json"), ImportChoices.DEFAULT);

        assertThat(reading.items()).extracting(ImportedItem::row, ImportedItem::externalKey, item -> item.content().title())
            .containsExactly(tuple(1, "github:octo/shop#101", "Checkout fails for guests"),
                    tuple(3, "github:octo/shop#97", "Dark mode"),
                    tuple(4, "github:octo/shop#105", "Invoices in the customer's language"),
                    tuple(5, "github:octo/shop#106", "Ship to Mars"));
        assertThat(reading.errors()).isEmpty();
    }

    @Test
    void aSyncReadsTheEstimateLabelAsTheEstimateAndKeepsTheKeysOfTheFileImport() {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var issues = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
        json.readTree(SampleFiles.text("github-issues.json")).forEach(issues::add);
        issues.removeIf(issue -> issue.has("pull_request"));
        var fromFile = GithubIssues.read(SampleFiles.text("github-issues.json"), ImportChoices.DEFAULT).items();
        var labelled = json.readTree("""
                [{"number": 7, "title": "Pay by SEPA", "body": "**Why**", "state": "open",
                  "labels": [{"name": "refine"}, {"name": "Estimate: 0.5"}, {"name": "estimate: later"}]},
                 {"number": 8, "title": "Refund", "body": null, "state": "open", "labels": [{"name": "estimate: 13"}]}]
                """);
        var synced = GithubIssues.synced(issues, "octo/shop", ImportChoices.DEFAULT).items();
        var estimated = GithubIssues.synced(List.of(labelled.get(0), labelled.get(1)), "acme/shop", ImportChoices.DEFAULT).items();

        assertThat(synced).extracting(ImportedItem::externalKey)
            .containsExactlyElementsOf(fromFile.stream().map(ImportedItem::externalKey).toList());
        assertThat(estimated).extracting(ImportedItem::externalKey).as("issues that do not say their repository")
            .containsExactly("github:acme/shop#7", "github:acme/shop#8");
        assertThat(estimated.get(0).content().estimate()).isEqualTo(Estimate.of(new java.math.BigDecimal("0.5"), Estimate.Unit.POINTS));
        assertThat(estimated.get(0).content().labels()).containsExactly("refine");
        assertThat(estimated.get(0).content().description()).isEqualTo("**Why**");
        assertThat(estimated.get(1).content().estimate()).isEqualTo(Estimate.of(new java.math.BigDecimal("13"), Estimate.Unit.POINTS));
        assertThat(GithubIssues.estimateLabel(new java.math.BigDecimal("5.00"))).isEqualTo("estimate: 5");
    }

    @Test
    void turnsTheFieldsOfAnIssueIntoAnItem() {
        var items = GithubIssues.read(SampleFiles.text("github-issues.json"), ImportChoices.DEFAULT).items();
        var checkout = items.get(0).content();
        var darkMode = items.get(1).content();
        var invoices = items.get(2).content();
        var mars = items.get(3).content();

        assertThat(checkout.description()).isEqualTo("Steps:\n\n1. Add to cart\n2. Pay as guest\n\n**Expected:** an order.");
        assertThat(checkout.labels()).containsExactly("bug", "checkout", "milestone:v2.0", "assignee:octocat", "assignee:hubot");
        assertThat(checkout.status()).isEqualTo(Status.NEEDS_REFINEMENT);
        assertThat(checkout.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(checkout.deadlineReason()).isEqualTo("Milestone v2.0");
        assertThat(checkout.links()).containsExactly(new Link("GitHub #101", "https://github.com/octo/shop/issues/101"));

        assertThat(darkMode.description()).isEmpty();
        assertThat(darkMode.labels()).containsExactly("ui");
        assertThat(darkMode.status()).as("closed as completed").isEqualTo(Status.DONE);
        assertThat(darkMode.deadline()).isNull();

        assertThat(invoices.deadline()).as("a milestone without a due date").isNull();
        assertThat(invoices.status()).as("reopened").isEqualTo(Status.NEEDS_REFINEMENT);
        assertThat(invoices.labels()).as("a label of 50 characters with a comma")
            .containsExactly("Needs design review then a check by", "milestone:Autumn");

        assertThat(mars.status()).as("closed as not planned").isEqualTo(Status.REMOVED);
        assertThat(mars.labels()).containsExactly("assignee:mona");
    }

    @Test
    void readsWhatGhIssueListWritesAsTheRestApiDoes() {
        var reading = GithubIssues.read(SampleFiles.text("github-gh-cli.json"), ImportChoices.DEFAULT);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.items()).extracting(ImportedItem::externalKey, item -> item.content().title(),
                item -> item.content().status())
            .containsExactly(tuple("github:octo/shop#7", "Guests are charged twice", Status.NEEDS_REFINEMENT),
                    tuple("github:octo/shop#6", "Dark mode", Status.DONE),
                    tuple("github:octo/shop#5", "Ship to Mars", Status.REMOVED),
                    tuple("github:octo/shop#4", "Search forgets the filter", Status.NEEDS_REFINEMENT));
        var charged = reading.items().getFirst().content();
        assertThat(charged.labels()).containsExactly("bug", "Needs design review then a check by", "milestone:v2.0",
                "assignee:octocat", "assignee:hubot");
        assertThat(charged.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(charged.deadlineReason()).isEqualTo("Milestone v2.0");
        assertThat(charged.description())
            .isEqualTo("Guests pay twice when they go back.\n\n- [ ] One charge per order\n- [x] A receipt by mail\n\n```js\npay(order)\n```");
        assertThat(charged.links()).containsExactly(new Link("GitHub #7", "https://github.com/octo/shop/issues/7"));
        var mars = reading.items().get(2).content();
        assertThat(mars.labels()).containsExactly("wontfix", "milestone:Someday", "assignee:mona");
        assertThat(mars.deadline()).as("a milestone without a due date").isNull();
    }

    @Test
    void passesOverPullRequestsByTheirAddressWhenGhListsThem() {
        var json = """
                [{"number": 1, "title": "A pull request", "state": "OPEN", "url": "https://github.com/octo/shop/pull/1"},
                 {"number": 2, "title": "An issue", "state": "OPEN", "url": "https://github.example.com/octo/shop/issues/2"}]""";

        assertThat(GithubIssues.read(json, ImportChoices.DEFAULT).items()).extracting(ImportedItem::externalKey)
            .containsExactly("github:octo/shop#2");
    }

    @Test
    void keepsThirtyLabelsAndSaysWhichIssuesHadMore() {
        var labels = IntStream.rangeClosed(1, 32).mapToObj(n -> "{\"name\": \"area " + n + "\"}")
            .collect(Collectors.joining(", "));
        var json = """
                [{"number": 1, "title": "Fine"}, {"number": 2, "title": "Crowded", "labels": [%s]}]""".formatted(labels);

        var reading = GithubIssues.read(json, ImportChoices.DEFAULT);

        assertThat(reading.items().get(1).content().labels()).hasSize(30).startsWith("area 1").endsWith("area 30");
        assertThat(reading.notes()).containsExactly("1 issue had more than 30 labels: the last ones were left out (row 2)");
    }

    @ParameterizedTest
    @CsvSource({ "open, , needs-refinement", "OPEN, REOPENED, needs-refinement", "closed, , done",
        "closed, completed, done", "CLOSED, COMPLETED, done", "closed, not_planned, removed", "CLOSED, NOT_PLANNED, removed",
        "closed, duplicate, removed", "CLOSED, DUPLICATE, removed" })
    void setsTheStatusByTheStateAndWhyTheIssueWasClosed(String state, String reason, String status) {
        var gh = state.equals("OPEN") || state.equals("CLOSED");
        var json = """
                [{"number": 1, "title": "Either layout", "state": "%s", "%s": %s}]"""
            .formatted(state, gh ? "stateReason" : "state_reason", reason == null ? "null" : "\"" + reason + "\"");

        assertThat(GithubIssues.read(json, ImportChoices.DEFAULT).items().getFirst().content().status())
            .isEqualTo(Status.of(status).orElseThrow());
    }

    @Test
    void takesTheDueDateInUtc() {
        var json = """
                [{"number": 1, "title": "Late", "milestone": {"due_on": "2026-12-31T23:30:00-02:00"}}]""";

        assertThat(GithubIssues.read(json, ImportChoices.DEFAULT).items().getFirst().content().deadline())
            .isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void endsTheLinesOfTheBodyWithLineFeeds() {
        var json = """
                [{"number": 1, "title": "Typed in a browser", "body": "First\\r\\nSecond"}]""";

        assertThat(GithubIssues.read(json, ImportChoices.DEFAULT).items().getFirst().content().description())
            .isEqualTo("First\nSecond");
    }

    @Test
    void takesTheTaskListOfABodyAsAcceptanceCriteriaOnlyWhenThePersonChooses() {
        var json = """
                [{"number": 1, "title": "Checkout", "body": "Why\\n- [ ] pays by card\\n- [x] shows the total\\nThanks"}]""";
        var tasks = new ImportChoices(false, ImportChoices.DEFAULT.labels(), Map.of(), true);

        var chosen = GithubIssues.read(json, tasks).items().getFirst().content();
        var left = GithubIssues.read(json, ImportChoices.DEFAULT).items().getFirst().content();

        assertThat(chosen.acceptanceCriteria()).containsExactly(new Criterion("pays by card", false),
                new Criterion("shows the total", true));
        assertThat(chosen.description()).isEqualTo("Why\nThanks");
        assertThat(left.acceptanceCriteria()).isEmpty();
        assertThat(left.description()).isEqualTo("Why\n- [ ] pays by card\n- [x] shows the total\nThanks");
    }

    @Test
    void describesTheFieldsItReadsAndThoseItPassesOver() {
        var layout = GithubIssues.layout(SampleFiles.text("github-gh-cli.json"), ImportChoices.DEFAULT);

        assertThat(layout.read()).extracting(FileLayout.FieldUse::source).contains("number", "title", "body", "stateReason");
        assertThat(layout.read()).extracting(FileLayout.FieldUse::field).contains("Title", "Description");
        assertThat(layout.ignored()).containsExactly("createdAt");
        assertThat(layout.statuses()).isEmpty();
    }

    @Test
    void readsLabelsGivenAsNamesAndKeysWithoutARepository() {
        var json = """
                [{"number": 7, "title": "Plain", "labels": ["a", " b ", "a", ""], "html_url": "javascript:alert(1)"}]""";

        var item = GithubIssues.read(json, ImportChoices.DEFAULT).items().getFirst();

        assertThat(item.externalKey()).isEqualTo("github:#7");
        assertThat(item.content().labels()).containsExactly("a", "b");
        assertThat(item.content().links()).as("only http and https addresses").isEmpty();
    }

    @Test
    void reportsEntriesThatAreNotIssuesByTheirPosition() {
        var json = """
                [
                  {"number": 1, "title": "Fine"},
                  "a string",
                  {"number": 3, "title": "  "},
                  {"title": "No number"},
                  {"number": 5, "title": "Bad date", "milestone": {"due_on": "soon"}},
                  {"number": 6, "title": "Long", "repository_url": "https://api.github.com/repos/%s"}
                ]""".formatted("o".repeat(200));

        var reading = GithubIssues.read(json, ImportChoices.DEFAULT);

        assertThat(reading.items()).extracting(ImportedItem::row).containsExactly(1);
        assertThat(reading.errors()).containsExactly(
                new RowError(2, "Entry 2 is not an issue: an issue is a JSON object in { }."),
                new RowError(3, "Issue #3 has no title."),
                new RowError(4, "Entry 4 has no issue number."),
                new RowError(5, "Issue #5: the milestone's due date \"soon\" is not a time like 2026-12-31T08:00:00Z."),
                new RowError(6, "Issue #6: its repository and number make a key longer than 200 characters."));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "{\"title\": \"x\"}", "42", "null", "[1, 2", "<html></html>", "[] []" })
    void rejectsWhatIsNotAnArrayOfIssues(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> GithubIssues.read(text, ImportChoices.DEFAULT))
            .withMessageStartingWith("This is not a GitHub issues export: expected a JSON array of issues.");
    }

    @Test
    void rejectsNestingDeeperThanJsonAllows() {
        var deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatIllegalArgumentException().isThrownBy(() -> GithubIssues.read(deep, ImportChoices.DEFAULT))
            .withMessageStartingWith("This is not a GitHub issues export");
    }
}
