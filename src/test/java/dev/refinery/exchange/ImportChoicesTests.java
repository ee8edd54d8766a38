package dev.refinery.exchange;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.refinery.backlog.Status;
import dev.refinery.shared.Rejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImportChoicesTests {

    @Test
    void keepsEveryChoiceThroughTheTextTheJobStores() {
        var choices = new ImportChoices(true, EnumSet.of(ImportChoices.LabelKind.SPRINT),
                Map.of("VERIFIED BY X", Status.DONE, "Staging", Status.PLANNED), true);

        assertThat(ImportChoices.of(choices.toMap())).isEqualTo(choices);
    }

    @Test
    void readsAFormWhereAnUncheckedSwitchIsAbsent() {
        var form = Map.of(ImportChoices.labelField(ImportChoices.LabelKind.TYPE), "true", "_csrf", "x",
                ImportChoices.statusField("Wishlist"), "draft");

        var choices = ImportChoices.of(form);

        assertThat(choices.epicsAsItems()).isFalse();
        assertThat(choices.labels()).containsExactly(ImportChoices.LabelKind.TYPE);
        assertThat(choices.statuses()).containsExactly(Map.entry("Wishlist", Status.DRAFT));
    }

    @Test
    void refusesReadyOrAnUnknownStatusNamingTheStatus() {
        assertThatExceptionOfType(Rejected.class)
            .isThrownBy(() -> ImportChoices.of(Map.of(ImportChoices.statusField("Staging"), "ready")))
            .satisfies(rejected -> assertThat(rejected.errors()).containsEntry("status:Staging",
                    "Choose draft, needs-refinement, planned, done or removed for the status Staging."));
    }
}
