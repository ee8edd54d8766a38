package dev.refinery.exchange;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.refinery.backlog.Status;
import dev.refinery.shared.Rejected;

/**
 * What the person chose on the preview of a Jira or GitHub file: whether epics also become items, which of
 * Jira's fields become labels, where the statuses without a status category go, and whether GitHub task lists
 * become acceptance criteria. Kept with the job as text, so that any node runs the import as it was chosen.
 */
public record ImportChoices(boolean epicsAsItems, Set<LabelKind> labels, Map<String, Status> statuses,
        boolean taskListsAsCriteria) {

    /** Epics only as workstreams, every kind of label, statuses by their words, task lists left in the body. */
    static final ImportChoices DEFAULT = new ImportChoices(false, EnumSet.allOf(LabelKind.class), Map.of(), false);

    /** A status a person may choose for a status of the file; never ready, which is the Definition of Ready's to say. */
    public static final List<Status> STATUSES = List.of(Status.DRAFT, Status.NEEDS_REFINEMENT, Status.PLANNED, Status.DONE,
            Status.REMOVED);

    static final int STATUS_NAME_MAX = 200;

    private static final String EPICS = "epicsAsItems";
    private static final String TASK_LISTS = "taskListsAsCriteria";
    private static final String LABEL = "label:";
    private static final String STATUS = "status:";

    /** The Jira fields that can become labels with a prefix ("type:bug"), each switchable on the preview. */
    public enum LabelKind {
        TYPE("type", "Issue type as type:…"),
        COMPONENT("component", "Components as component:…"),
        FIX_VERSION("fix", "Fix versions as fix:…"),
        SPRINT("sprint", "Sprints as sprint:…");

        private final String prefix;
        private final String label;

        LabelKind(String prefix, String label) {
            this.prefix = prefix;
            this.label = label;
        }

        public String prefix() {
            return prefix;
        }

        public String label() {
            return label;
        }
    }

    public ImportChoices {
        labels = labels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(labels));
        statuses = Map.copyOf(statuses);
        if (statuses.containsValue(Status.READY)) {
            throw new IllegalArgumentException("ready is never chosen for a status of another tool");
        }
    }

    public boolean labels(LabelKind kind) {
        return labels.contains(kind);
    }

    ImportChoices withStatuses(Map<String, Status> chosen) {
        return new ImportChoices(epicsAsItems, labels, chosen, taskListsAsCriteria);
    }

    /** As the job keeps them: one entry per choice, switches as "true" or "false", statuses by their code. */
    Map<String, String> toMap() {
        var map = new LinkedHashMap<String, String>();
        map.put(EPICS, Boolean.toString(epicsAsItems));
        for (var kind : LabelKind.values()) {
            map.put(LABEL + kind.prefix(), Boolean.toString(labels(kind)));
        }
        map.put(TASK_LISTS, Boolean.toString(taskListsAsCriteria));
        statuses.forEach((name, status) -> map.put(STATUS + name, status.code()));
        return map;
    }

    /**
     * The choices a job keeps, or those of a form: a switch is on when its value is "true" or "on", a status
     * name goes where its code says.
     *
     * @throws Rejected naming the status whose choice is not one of {@link #STATUSES}
     */
    static ImportChoices of(Map<String, String> map) {
        var labels = EnumSet.noneOf(LabelKind.class);
        for (var kind : LabelKind.values()) {
            if (on(map.get(LABEL + kind.prefix()))) {
                labels.add(kind);
            }
        }
        var statuses = new LinkedHashMap<String, Status>();
        map.forEach((key, code) -> {
            if (!key.startsWith(STATUS)) {
                return;
            }
            var name = key.substring(STATUS.length()).strip();
            var status = Status.of(code == null ? "" : code.strip()).filter(STATUSES::contains);
            if (name.isEmpty() || name.length() > STATUS_NAME_MAX || status.isEmpty()) {
                throw Rejected.invalid(key, "Choose draft, needs-refinement, planned, done or removed for the status "
                        + name + ".");
            }
            statuses.put(name, status.get());
        });
        return new ImportChoices(on(map.get(EPICS)), labels, statuses, on(map.get(TASK_LISTS)));
    }

    /** The form field of a status of the file, also the key it is kept under. */
    public static String statusField(String name) {
        return STATUS + name;
    }

    public static String labelField(LabelKind kind) {
        return LABEL + kind.prefix();
    }

    public static String epicsField() {
        return EPICS;
    }

    public static String taskListsField() {
        return TASK_LISTS;
    }

    private static boolean on(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on"));
    }
}
