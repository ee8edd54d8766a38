package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form of one section of the item page, as the strings a browser sends: read from an item to show the
 * form, and read back into a patch when it is sent. Values that cannot be read are problems of their field,
 * under the same names the API uses.
 */
public final class SectionForm {

    /** Empty rows a form offers for new links or criteria. */
    static final int BLANK_ROWS = 2;

    private final Map<String, List<String>> values;

    private SectionForm(Map<String, List<String>> values) {
        this.values = values;
    }

    public static SectionForm of(Map<String, List<String>> values) {
        return new SectionForm(new LinkedHashMap<>(values));
    }

    public String get(String name) {
        var list = values.get(name);
        return list == null || list.isEmpty() || list.getFirst() == null ? "" : list.getFirst();
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The value of row {@code index} of a repeated field; blank for a row beyond what was sent. */
    public String row(String name, int index) {
        var list = all(name);
        return index < list.size() && list.get(index) != null ? list.get(index) : "";
    }

    public boolean checked(String name, String value) {
        return all(name).contains(value);
    }

    /** Rows to show: those filled in, then {@link #BLANK_ROWS} blank ones. */
    public int rows(String name) {
        return all(name).size() + BLANK_ROWS;
    }

    static SectionForm of(ItemSection section, ItemContent item, Template template) {
        var values = new LinkedHashMap<String, List<String>>();
        switch (section) {
            case TITLE -> values.put("title", List.of(item.title()));
            case DESCRIPTION -> values.put("description", List.of(item.description()));
            case TECHNICAL_NOTES -> {
                values.put("technicalNotes", List.of(item.technicalNotes()));
                values.put("linkLabel", item.links().stream().map(Link::label).toList());
                values.put("linkUrl", item.links().stream().map(Link::url).toList());
            }
            case ACCEPTANCE_CRITERIA -> {
                values.put("criterion", item.acceptanceCriteria().stream().map(Criterion::text).toList());
                var done = new ArrayList<String>();
                for (int i = 0; i < item.acceptanceCriteria().size(); i++) {
                    if (item.acceptanceCriteria().get(i).done()) {
                        done.add(Integer.toString(i));
                    }
                }
                values.put("done", done);
            }
            case ESTIMATE -> {
                var estimate = item.estimate();
                values.put("kind", List.of(estimate == null ? "none" : estimate.agreed() ? "value" : estimate.outcome().code()));
                values.put("value", List.of(estimate != null && estimate.agreed() ? estimate.value().toPlainString() : ""));
                values.put("unit", List.of(estimate != null && estimate.agreed() ? estimate.unit().code() : "points"));
            }
            case IMPORTANCE -> template.importanceInputs().forEach(input -> values.put(input.name(), List.of(
                    item.importance().containsKey(input.name()) ? item.importance().get(input.name()).toPlainString() : "")));
            case DEADLINE -> {
                values.put("deadline", List.of(item.deadline() == null ? "" : item.deadline().toString()));
                values.put("deadlineReason", List.of(item.deadlineReason()));
            }
            case DETAILS -> {
                values.put("status", List.of(item.status().code()));
                values.put("actual", List.of(item.actualDays() == null ? "" : item.actualDays().toPlainString()));
                values.put("workstream", List.of(item.workstream() == null ? "" : item.workstream()));
                values.put("labels", List.of(String.join(", ", item.labels())));
            }
            case CUSTOM_FIELDS -> template.customFields().forEach(field -> values.put("field:" + field.name(),
                    List.of(item.customFields().getOrDefault(field.name(), ""))));
        }
        return new SectionForm(values);
    }

    /** A patch read from a form, and what could not be read, by API field name. */
    record Parsed(ItemPatch patch, Map<String, String> problems) {
    }

    Parsed parse(ItemSection section, Template template) {
        var patch = ItemPatch.empty();
        var problems = new LinkedHashMap<String, String>();
        switch (section) {
            case TITLE -> patch.title(get("title"));
            case DESCRIPTION -> patch.description(get("description"));
            case TECHNICAL_NOTES -> {
                var links = new ArrayList<Link>();
                var labels = all("linkLabel");
                var urls = all("linkUrl");
                for (int i = 0; i < Math.max(labels.size(), urls.size()); i++) {
                    var label = row("linkLabel", i).strip();
                    var url = row("linkUrl", i).strip();
                    if (!label.isEmpty() || !url.isEmpty()) {
                        links.add(new Link(label, url));
                    }
                }
                patch.technicalNotes(get("technicalNotes")).links(links);
            }
            case ACCEPTANCE_CRITERIA -> {
                var criteria = new ArrayList<Criterion>();
                var texts = all("criterion");
                for (int i = 0; i < texts.size(); i++) {
                    if (texts.get(i) != null && !texts.get(i).isBlank()) {
                        criteria.add(new Criterion(texts.get(i), checked("done", Integer.toString(i))));
                    }
                }
                patch.acceptanceCriteria(criteria);
            }
            case ESTIMATE -> {
                switch (get("kind")) {
                    case "none" -> patch.estimate(null);
                    case "unknown" -> patch.estimate(Estimate.of(Estimate.Outcome.UNKNOWN));
                    case "too-big-split" -> patch.estimate(Estimate.of(Estimate.Outcome.TOO_BIG));
                    default -> {
                        var unit = Estimate.Unit.of(get("unit"));
                        if (unit.isEmpty()) {
                            problems.put("estimate.unit", "Points or days.");
                        }
                        try {
                            var value = new BigDecimal(get("value").strip().replace(',', '.'));
                            unit.ifPresent(u -> patch.estimate(Estimate.of(value, u)));
                        }
                        catch (NumberFormatException notANumber) {
                            problems.put("estimate.value", "A number, like 3 or 1.5.");
                        }
                        catch (IllegalArgumentException outOfRange) {
                            problems.put("estimate.value", "From 0 to 999, in steps of 0.5.");
                        }
                    }
                }
            }
            case IMPORTANCE -> {
                var importance = new LinkedHashMap<String, BigDecimal>();
                for (var input : template.importanceInputs()) {
                    var text = get(input.name()).strip();
                    if (text.isEmpty()) {
                        importance.put(input.name(), null);
                        continue;
                    }
                    try {
                        importance.put(input.name(), new BigDecimal(text));
                    }
                    catch (NumberFormatException notANumber) {
                        problems.put("importance." + input.name(), "A number from " + input.range() + ".");
                    }
                }
                patch.importance(importance);
            }
            case DEADLINE -> {
                var text = get("deadline").strip();
                try {
                    patch.deadline(text.isEmpty() ? null : LocalDate.parse(text), get("deadlineReason"));
                }
                catch (DateTimeParseException notADate) {
                    problems.put("deadline", "A date like 2026-12-31.");
                }
            }
            case DETAILS -> {
                Status.of(get("status")).ifPresentOrElse(patch::status,
                        () -> problems.put("status", "Choose a status."));
                var actual = get("actual").strip().replace(',', '.');
                if (!values.containsKey("actual")) {
                    // a form without the field (an older page still open) leaves what the work took as it was
                }
                else if (actual.isEmpty()) {
                    patch.actual(null);
                }
                else {
                    try {
                        ItemRules.actualHalves(new BigDecimal(actual)).ifPresentOrElse(patch::actual,
                                () -> problems.put("actual", ItemRules.actualOutOfRange()));
                    }
                    catch (NumberFormatException notANumber) {
                        problems.put("actual", "A number of days, like 2 or 1.5.");
                    }
                }
                patch.workstream(get("workstream"));
                patch.labels(Arrays.stream(get("labels").split(",")).map(String::strip).filter(l -> !l.isEmpty())
                    .distinct().toList());
            }
            case CUSTOM_FIELDS -> {
                var custom = new LinkedHashMap<String, String>();
                for (var field : template.customFields()) {
                    var value = get("field:" + field.name());
                    custom.put(field.name(), field.type() == CustomField.Type.CHECKBOX
                            ? Boolean.toString(value.equals("true")) : value.isBlank() ? null : value);
                }
                patch.customFields(custom);
            }
        }
        return new Parsed(patch, problems);
    }
}
