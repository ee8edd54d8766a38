package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything people write in a backlog item, section by section of the template. A change makes a new
 * content; {@link #changesTo} lists what differs, field by field, for the history.
 */
public record ItemContent(
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
        Integer actualHalves) {

    /** The most effort an item can really take, in half days (999 days). */
    public static final int ACTUAL_MAX_HALVES = 1998;

    /** The longest title, as Jira's summary: an imported or restored title is never refused for its length. */
    public static final int TITLE_MAX = 255;

    /**
     * The longest description or technical notes, in UTF-16 units as Java counts them: twice GitHub's 65,536 for
     * a body, so that emoji (two units each) and Jira markup grown into Markdown still fit.
     */
    public static final int TEXT_MAX = 131_072;

    /** The most acceptance criteria an item has, and the longest one. */
    public static final int CRITERIA_MAX = 50;
    public static final int CRITERION_MAX = 1000;

    public ItemContent {
        title = text(title);
        description = text(description);
        technicalNotes = text(technicalNotes);
        links = (links == null ? List.<Link>of() : links).stream()
            .map(link -> link == null ? new Link(null, null) : new Link(stripped(link.label()), stripped(link.url())))
            .toList();
        acceptanceCriteria = (acceptanceCriteria == null ? List.<Criterion>of() : acceptanceCriteria).stream()
            .map(criterion -> criterion == null ? new Criterion(null, false) : new Criterion(stripped(criterion.text()), criterion.done()))
            .toList();
        importance = Collections.unmodifiableMap(new LinkedHashMap<>(importance == null ? Map.of() : importance));
        deadlineReason = text(deadlineReason);
        workstream = workstream == null || workstream.isBlank() ? null : workstream.strip();
        labels = (labels == null ? List.<String>of() : labels).stream().map(ItemContent::stripped).toList();
        status = status == null ? Status.DRAFT : status;
        var filled = new LinkedHashMap<String, String>();
        (customFields == null ? Map.<String, String>of() : customFields).forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                filled.put(name, value.strip());
            }
        });
        customFields = Collections.unmodifiableMap(filled);
    }

    public static ItemContent titled(String title) {
        return new ItemContent(title, "", "", List.of(), List.of(), null, Map.of(), null, "", null, List.of(),
                Status.DRAFT, null, null, Map.of(), null);
    }

    /** The effort the item really took, in days (halves allowed), or null when nobody recorded it. */
    public BigDecimal actualDays() {
        return actualHalves == null ? null : BigDecimal.valueOf(actualHalves, 0).divide(BigDecimal.TWO).stripTrailingZeros();
    }

    /** A field that changed, with its value before and after as people read them (null: empty). */
    public record Change(String field, String before, String after) {
    }

    /** The fields whose values differ from this content to the given one, in template order. */
    public List<Change> changesTo(ItemContent after) {
        var changes = new ArrayList<Change>();
        compare(changes, "title", after, ItemContent::title);
        compare(changes, "description", after, ItemContent::description);
        compare(changes, "technicalNotes", after, ItemContent::technicalNotes);
        compare(changes, "links", after, content -> lines(content.links()));
        compare(changes, "acceptanceCriteria", after, content -> lines(content.acceptanceCriteria()));
        compare(changes, "estimate", after, content -> content.estimate() == null ? null : content.estimate().toString());
        compare(changes, "importance", after, content -> content.importance().entrySet().stream()
            .map(entry -> entry.getKey() + " " + entry.getValue().stripTrailingZeros().toPlainString())
            .collect(Collectors.joining(", ")));
        compare(changes, "deadline", after, content -> content.deadline() == null ? null : content.deadline().toString());
        compare(changes, "deadlineReason", after, ItemContent::deadlineReason);
        compare(changes, "workstream", after, ItemContent::workstream);
        compare(changes, "labels", after, content -> String.join(", ", content.labels()));
        compare(changes, "status", after, content -> content.status().label());
        compare(changes, "followUpOf", after, content -> content.followUpOf() == null ? null : content.followUpOf().toString());
        compare(changes, "splitFrom", after, content -> content.splitFrom() == null ? null : content.splitFrom().toString());
        compare(changes, "actual", after, content -> content.actualDays() == null ? null : content.actualDays().toPlainString() + " days");
        var names = new java.util.LinkedHashSet<>(customFields.keySet());
        names.addAll(after.customFields().keySet());
        for (var name : names) {
            var before = blankToNull(customFields.get(name));
            var now = blankToNull(after.customFields().get(name));
            if (!Objects.equals(before, now)) {
                changes.add(new Change("customFields." + name, before, now));
            }
        }
        return changes;
    }

    private void compare(List<Change> changes, String field, ItemContent after, Function<ItemContent, String> value) {
        var before = blankToNull(value.apply(this));
        var now = blankToNull(value.apply(after));
        if (!Objects.equals(before, now)) {
            changes.add(new Change(field, before, now));
        }
    }

    private static String lines(List<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
