package dev.refinery.backlog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemContentTests {

    @Test
    void listsEachChangedFieldWithItsValuesBeforeAndAfter() {
        var before = ReadinessTests.ready();
        var after = ItemPatch.empty()
            .estimate(Estimate.of(new BigDecimal("5"), Estimate.Unit.POINTS))
            .acceptanceCriteria(List.of(new Criterion("Mandates are stored", true)))
            .customFields(Map.of("Component", "API"))
            .applyTo(before);

        assertThat(before.changesTo(after)).containsExactly(
                new ItemContent.Change("acceptanceCriteria", "[ ] Mandates are stored", "[x] Mandates are stored"),
                new ItemContent.Change("estimate", "3 pt", "5 pt"),
                new ItemContent.Change("customFields.Component", null, "API"));
    }

    @Test
    void findsNothingChangedWhenOnlyWhitespaceDiffers() {
        var before = ReadinessTests.ready();
        var after = ItemPatch.empty().title("  Pay by SEPA  ").labels(List.of()).applyTo(before);

        assertThat(before.changesTo(after)).isEmpty();
    }
}
