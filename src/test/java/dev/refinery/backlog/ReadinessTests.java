package dev.refinery.backlog;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTests {

    static final Template DEFAULT = new Template(List.of(), Template.DEFAULT_READY, 0);

    @Test
    void namesEverySectionTheDefaultDefinitionOfReadyMisses() {
        var check = Readiness.check(ItemContent.titled("Pay by SEPA"), DEFAULT);

        assertThat(check.ready()).isFalse();
        assertThat(check.missing()).containsExactly("description", "acceptance criteria", "estimate");
        assertThat(check).hasToString("missing: description, acceptance criteria, estimate");
    }

    @Test
    void findsAnItemWithDescriptionCriterionAndEstimateReady() {
        var check = Readiness.check(ready(), DEFAULT);

        assertThat(check.ready()).isTrue();
        assertThat(check.missing()).isEmpty();
        assertThat(check).hasToString("ready");
    }

    @Test
    void doesNotCountAnUnknownOrTooBigEstimateAsEstimated() {
        var unknown = patch(ready(), ItemPatch.empty().estimate(Estimate.of(Estimate.Outcome.UNKNOWN)));
        var tooBig = patch(ready(), ItemPatch.empty().estimate(Estimate.of(Estimate.Outcome.TOO_BIG)));

        assertThat(Readiness.check(unknown, DEFAULT).missing()).containsExactly("estimate");
        assertThat(Readiness.check(tooBig, DEFAULT).missing()).containsExactly("estimate");
    }

    @Test
    void asksForWhatTheTeamsOwnDefinitionRequires() {
        var template = new Template(List.of(
                new CustomField(1L, "Component", CustomField.Type.SELECT, List.of("API", "Web"), true),
                new CustomField(2L, "Security reviewed", CustomField.Type.CHECKBOX, List.of(), true),
                new CustomField(3L, "Notes", CustomField.Type.TEXT, List.of(), false)),
                EnumSet.of(Section.IMPORTANCE, Section.WORKSTREAM, Section.TECHNICAL_NOTES), 1);
        var item = patch(ready(), ItemPatch.empty()
            .importance(Map.of("businessValue", BigDecimal.ONE))
            .customFields(Map.of("Security reviewed", "false")));

        assertThat(Readiness.check(item, template).missing())
            .containsExactly("technical notes", "importance", "workstream", "Component", "Security reviewed");

        var complete = patch(item, ItemPatch.empty()
            .technicalNotes("Use the provider's SDK.")
            .importance(Map.of("timeCriticality", BigDecimal.TWO, "riskReduction", BigDecimal.TEN))
            .workstream("Checkout")
            .customFields(Map.of("Component", "API", "Security reviewed", "true")));
        assertThat(Readiness.check(complete, template).ready()).isTrue();
    }

    @Test
    void findsEveryItemReadyWhenTheTeamRequiresNothing() {
        assertThat(Readiness.check(ItemContent.titled("Anything"), new Template(List.of(), Set.of(), 1)).ready()).isTrue();
    }

    static ItemContent ready() {
        return patch(ItemContent.titled("Pay by SEPA"), ItemPatch.empty()
            .description("Customers ask for it.")
            .acceptanceCriteria(List.of(new Criterion("Mandates are stored", false)))
            .estimate(Estimate.of(new BigDecimal("3"), Estimate.Unit.POINTS)));
    }

    static ItemContent patch(ItemContent item, ItemPatch patch) {
        return patch.applyTo(item);
    }
}
