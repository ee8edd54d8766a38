package dev.refinery.backlog;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemRulesTests {

    static final Template TEMPLATE = new Template(List.of(
            new CustomField(1L, "Component", CustomField.Type.SELECT, List.of("API", "Web"), false),
            new CustomField(2L, "Story count", CustomField.Type.NUMBER, List.of(), false),
            new CustomField(3L, "Launch", CustomField.Type.DATE, List.of(), false)), Template.DEFAULT_READY, 1);

    @Test
    void acceptsAnItemWithinEveryBound() {
        var item = ReadinessTests.ready();

        assertThat(ItemRules.problems(item, TEMPLATE, Set.of("Checkout"))).isEmpty();
    }

    @Test
    void namesEveryFieldOutOfBoundsAtOnce() {
        var item = ItemPatch.empty()
            .title("x".repeat(256))
            .description("d".repeat(131_073))
            .technicalNotes("n".repeat(131_073))
            .links(List.of(new Link("Design", "https://example.com/d"), new Link("", "javascript:alert(1)"),
                    new Link("Ftp", "ftp://example.com")))
            .acceptanceCriteria(List.of(new Criterion("fine", false), new Criterion(" ", false)))
            .importance(Map.of("businessValue", new BigDecimal("11"), "timeCriticality", new BigDecimal("2.5"),
                    "charm", BigDecimal.ONE))
            .deadline(null, "r".repeat(501))
            .workstream("Nowhere")
            .labels(List.of("ok", "bad,label"))
            .customFields(Map.of("Component", "Desktop", "Story count", "many", "Launch", "soon", "Colour", "red"))
            .applyTo(ItemContent.titled(""));

        assertThat(ItemRules.problems(item, TEMPLATE, Set.of("Checkout"))).containsOnlyKeys(
                "title", "description", "technicalNotes", "links[1].label", "links[1].url", "links[2].url",
                "acceptanceCriteria[1].text", "importance.businessValue", "importance.timeCriticality", "importance.charm",
                "deadlineReason", "workstream", "labels", "customFields.Component", "customFields.Story count",
                "customFields.Launch", "customFields.Colour");
    }

    @Test
    void acceptsEverythingJiraAndGithubAllowAndSaysTheBoundsPastIt() {
        var emoji = "\uD83D\uDE80";
        var longest = ItemPatch.empty()
            .title("t".repeat(253) + emoji)
            .description(emoji.repeat(65_536))
            .technicalNotes("ü".repeat(131_072))
            .applyTo(ItemContent.titled(""));
        var past = ItemPatch.empty()
            .title("t".repeat(256))
            .description("d".repeat(131_072) + emoji)
            .technicalNotes("n".repeat(131_073))
            .applyTo(ItemContent.titled(""));

        assertThat(ItemRules.problems(longest, TEMPLATE, Set.of())).isEmpty();
        assertThat(ItemRules.problems(past, TEMPLATE, Set.of())).containsExactly(
                Map.entry("title", "A title has at most 255 characters."),
                Map.entry("description", "A description has at most 131,072 characters."),
                Map.entry("technicalNotes", "Technical notes have at most 131,072 characters."));
    }

    @Test
    void keepsEveryCustomValueWithinWhatTheDatabaseHolds() {
        var item = ItemPatch.empty().customFields(Map.of("Story count", "1".repeat(2001))).applyTo(ItemContent.titled("Long"));

        assertThat(ItemRules.problems(item, TEMPLATE, Set.of()))
            .containsExactly(Map.entry("customFields.Story count", "Story count has at most 2000 characters."));
    }

    @Test
    void limitsHowManyLinksCriteriaAndLabelsAnItemHas() {
        var item = ItemPatch.empty()
            .links(Collections.nCopies(21, new Link("Design", "https://example.com")))
            .acceptanceCriteria(Collections.nCopies(51, new Criterion("Done", false)))
            .labels(IntStream.range(0, 31).mapToObj(i -> "label" + i).toList())
            .applyTo(ItemContent.titled("Too much"));

        assertThat(ItemRules.problems(item, TEMPLATE, Set.of()))
            .containsEntry("links", "An item has at most 20 links.")
            .containsEntry("acceptanceCriteria", "An item has at most 50 acceptance criteria.")
            .containsEntry("labels", "An item has at most 30 labels.");
    }

    @Test
    void refusesTheReadyStatusUntilTheItemIsReady() {
        var item = ItemPatch.empty().status(Status.READY).applyTo(ItemContent.titled("Not yet"));

        assertThat(ItemRules.problems(item, TEMPLATE, Set.of()))
            .containsEntry("status", "Not ready yet: missing: description, acceptance criteria, estimate.");
        assertThat(ItemRules.problems(ItemPatch.empty().status(Status.READY).applyTo(ReadinessTests.ready()), TEMPLATE,
                Set.of())).isEmpty();
    }
}
