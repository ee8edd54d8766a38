package dev.refinery.backlog;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The bounds of every field of an item, checked all at once so that a form or an API call learns about every
 * problem, each under the field's API name ({@code links[1].url}, {@code importance.businessValue}).
 */
final class ItemRules {

    static final int LINKS_MAX = 20;
    static final int LINK_LABEL_MAX = 200;
    static final int URL_MAX = 2000;
    static final int LABELS_MAX = 30;
    static final int LABEL_MAX = 40;
    static final int REASON_MAX = 500;

    private ItemRules() {
    }

    static Map<String, String> problems(ItemContent item, Template template, Set<String> workstreams) {
        return problems(item, null, template, workstreams);
    }

    /**
     * Checks a changed item. Importance inputs the template no longer asks for (the team changed its scoring
     * model) are kept as they were, and only refused when this change sets them.
     */
    static Map<String, String> problems(ItemContent item, ItemContent before, Template template, Set<String> workstreams) {
        var problems = new LinkedHashMap<String, String>();
        if (item.title().isEmpty()) {
            problems.put("title", "Give the item a title.");
        }
        else if (item.title().length() > ItemContent.TITLE_MAX) {
            problems.put("title", titleTooLong());
        }
        if (item.description().length() > ItemContent.TEXT_MAX) {
            problems.put("description", "A description has at most " + thousands(ItemContent.TEXT_MAX) + " characters.");
        }
        if (item.technicalNotes().length() > ItemContent.TEXT_MAX) {
            problems.put("technicalNotes", "Technical notes have at most " + thousands(ItemContent.TEXT_MAX) + " characters.");
        }
        links(item, problems);
        criteria(item, problems);
        importance(item, before, template, problems);
        if (item.deadlineReason().length() > REASON_MAX) {
            problems.put("deadlineReason", "The reason for a deadline has at most " + REASON_MAX + " characters.");
        }
        if (item.workstream() != null && !workstreams.contains(item.workstream())) {
            problems.put("workstream", "There is no workstream " + item.workstream() + " in this team.");
        }
        labels(item, problems);
        for (var entry : item.customFields().entrySet()) {
            var field = template.field(entry.getKey());
            if (field.isEmpty()) {
                problems.put("customFields." + entry.getKey(), "The template has no field " + entry.getKey() + ".");
            }
            else {
                field.get().problemWith(entry.getValue())
                    .ifPresent(problem -> problems.put("customFields." + entry.getKey(), problem));
            }
        }
        if (item.status() == Status.READY && !problems.containsKey("status")) {
            var readiness = Readiness.check(item, template);
            if (!readiness.ready()) {
                problems.put("status", "Not ready yet: " + readiness + ".");
            }
        }
        return problems;
    }

    /** Days as half days, when they are a positive number of halves up to 999 days. */
    static java.util.Optional<Integer> actualHalves(java.math.BigDecimal days) {
        var halves = days.multiply(java.math.BigDecimal.TWO);
        if (days.signum() <= 0 || halves.stripTrailingZeros().scale() > 0
                || halves.compareTo(java.math.BigDecimal.valueOf(ItemContent.ACTUAL_MAX_HALVES)) > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(halves.intValueExact());
    }

    static String actualOutOfRange() {
        return "From 0.5 to 999 days, in steps of 0.5.";
    }

    static String titleTooLong() {
        return "A title has at most " + ItemContent.TITLE_MAX + " characters.";
    }

    private static String thousands(int number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    private static void links(ItemContent item, Map<String, String> problems) {
        if (item.links().size() > LINKS_MAX) {
            problems.put("links", "An item has at most " + LINKS_MAX + " links.");
            return;
        }
        for (int i = 0; i < item.links().size(); i++) {
            var link = item.links().get(i);
            if (link.label() == null || link.label().isBlank()) {
                problems.put("links[" + i + "].label", "Give the link a label.");
            }
            else if (link.label().length() > LINK_LABEL_MAX) {
                problems.put("links[" + i + "].label", "A link label has at most " + LINK_LABEL_MAX + " characters.");
            }
            if (!webAddress(link.url())) {
                problems.put("links[" + i + "].url", "A link is an http or https address, like https://example.com/design.");
            }
        }
    }

    static boolean webAddress(String url) {
        if (url == null || url.isBlank() || url.length() > URL_MAX) {
            return false;
        }
        try {
            var uri = new URI(url.strip());
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        }
        catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static void criteria(ItemContent item, Map<String, String> problems) {
        if (item.acceptanceCriteria().size() > ItemContent.CRITERIA_MAX) {
            problems.put("acceptanceCriteria", "An item has at most " + ItemContent.CRITERIA_MAX + " acceptance criteria.");
            return;
        }
        for (int i = 0; i < item.acceptanceCriteria().size(); i++) {
            var text = item.acceptanceCriteria().get(i).text();
            if (text == null || text.isBlank()) {
                problems.put("acceptanceCriteria[" + i + "].text", "Write the criterion, or remove it.");
            }
            else if (text.length() > ItemContent.CRITERION_MAX) {
                problems.put("acceptanceCriteria[" + i + "].text", "A criterion has at most " + ItemContent.CRITERION_MAX + " characters.");
            }
        }
    }

    private static void importance(ItemContent item, ItemContent before, Template template, Map<String, String> problems) {
        for (var entry : item.importance().entrySet()) {
            var field = "importance." + entry.getKey();
            var input = template.importance(entry.getKey());
            if (input.isPresent()) {
                input.get().problemWith(entry.getValue()).ifPresent(problem -> problems.put(field, problem));
            }
            else if (before == null || !Objects.equals(before.importance().get(entry.getKey()), entry.getValue())) {
                problems.put(field, "The team's scoring model has no input " + entry.getKey() + ".");
            }
        }
    }

    private static void labels(ItemContent item, Map<String, String> problems) {
        if (item.labels().size() > LABELS_MAX) {
            problems.put("labels", "An item has at most " + LABELS_MAX + " labels.");
            return;
        }
        var seen = new HashSet<String>();
        for (var label : item.labels()) {
            if (label == null || label.isBlank() || label.length() > LABEL_MAX || label.contains(",")) {
                problems.put("labels", "A label has 1 to " + LABEL_MAX + " characters and no comma.");
                return;
            }
            if (!seen.add(label)) {
                problems.put("labels", "The label " + label + " is there twice.");
                return;
            }
        }
    }
}
