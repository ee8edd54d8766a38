package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A backlog item on the API, under the field names that PATCH also takes. */
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
        int version) {

    static ItemJson of(ItemView view) {
        var item = view.content();
        return new ItemJson(view.key(), item.title(), item.description(), item.technicalNotes(), item.links(),
                item.acceptanceCriteria(), item.estimate(), item.importance(), item.deadline(), item.deadlineReason(),
                item.workstream(), item.labels(), item.status(), item.followUpOf(), item.splitFrom(), item.customFields(),
                view.readiness(), view.item().version());
    }
}
