package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A backlog item on the API, under the field names that POST and PATCH also take (all but the read-only ones);
 * risks only on a single item.
 */
record ItemJson(
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) ItemKey key,
        String title,
        String description,
        String technicalNotes,
        List<Link> links,
        List<Criterion> acceptanceCriteria,
        Estimate estimate,
        Map<String, BigDecimal> importance,
        LocalDate deadline,
        String deadlineReason,
        String workstream,
        List<String> labels,
        Status status,
        ItemKey followUpOf,
        ItemKey splitFrom,
        Map<String, String> customFields,
        @Schema(description = "The effort the item really took, in days (halves allowed); null when not recorded.")
        Actual actual,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) ReadinessCheck readiness,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @JsonInclude(JsonInclude.Include.NON_NULL) List<Risk> risks,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) int version) {

    /** The effort an item really took. */
    record Actual(@Schema(example = "2.5") BigDecimal days) {
    }

    static ItemJson of(ItemView view) {
        return of(view, null);
    }

    static ItemJson of(ItemView view, List<Risk> risks) {
        var item = view.content();
        return new ItemJson(view.key(), item.title(), item.description(), item.technicalNotes(), item.links(),
                item.acceptanceCriteria(), item.estimate(), item.importance(), item.deadline(), item.deadlineReason(),
                item.workstream(), item.labels(), item.status(), item.followUpOf(), item.splitFrom(), item.customFields(),
                item.actualDays() == null ? null : new Actual(item.actualDays()), view.readiness(), risks, view.item().version());
    }
}
