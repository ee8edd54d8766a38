package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A backlog item on the API, under the field names that PATCH also takes; risks only on a single item. */
record ItemJson(
        ItemKey key,
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
        ReadinessCheck readiness,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Risk> risks,
        int version) {

    static ItemJson of(ItemView view) {
        return of(view, null);
    }

    static ItemJson of(ItemView view, List<Risk> risks) {
        var item = view.content();
        return new ItemJson(view.key(), item.title(), item.description(), item.technicalNotes(), item.links(),
                item.acceptanceCriteria(), item.estimate(), item.importance(), item.deadline(), item.deadlineReason(),
                item.workstream(), item.labels(), item.status(), item.followUpOf(), item.splitFrom(), item.customFields(),
                view.readiness(), risks, view.item().version());
    }
}
