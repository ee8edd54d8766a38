package dev.refinery.backlog;

import java.util.ArrayList;

/**
 * The one readiness rule: an item is ready when every section its team's Definition of Ready requires is
 * filled, and every custom field marked as required has a value. The item page, the backlog list, the API
 * and the status check all ask this class.
 */
public final class Readiness {

    private Readiness() {
    }

    public static ReadinessCheck check(ItemContent item, Template template) {
        var missing = new ArrayList<String>();
        for (var section : Section.values()) {
            if (template.requires(section) && !filled(item, section, template)) {
                missing.add(section.label());
            }
        }
        for (var field : template.customFields()) {
            if (field.requiredForReady() && !field.filledBy(item.customFields().get(field.name()))) {
                missing.add(field.name());
            }
        }
        return new ReadinessCheck(missing.isEmpty(), missing);
    }

    private static boolean filled(ItemContent item, Section section, Template template) {
        return switch (section) {
            case DESCRIPTION -> !item.description().isBlank();
            case TECHNICAL_NOTES -> !item.technicalNotes().isBlank() || !item.links().isEmpty();
            case ACCEPTANCE_CRITERIA -> !item.acceptanceCriteria().isEmpty();
            case ESTIMATE -> item.estimate() != null && item.estimate().agreed();
            case IMPORTANCE -> template.importanceInputs().stream().allMatch(input -> item.importance().containsKey(input.name()));
            case DEADLINE -> item.deadline() != null;
            case WORKSTREAM -> item.workstream() != null;
            case LABELS -> !item.labels().isEmpty();
        };
    }
}
