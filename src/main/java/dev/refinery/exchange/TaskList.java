package dev.refinery.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.ItemContent;

/**
 * The task list items of a GitHub Markdown body ({@code - [ ] open}, {@code - [x] done}) as acceptance criteria,
 * and the body without them. Lines inside fenced code are text, not tasks; past the most criteria an item holds,
 * or a task longer than a criterion can be, the lines stay in the body, so nothing of the issue is lost or refused.
 */
record TaskList(List<Criterion> criteria, String rest) {

    private static final Pattern TASK = Pattern.compile("\\s{0,3}(?:[-*+]|\\d{1,9}[.)])\\s+\\[([ xX])\\]\\s+(\\S.*)");
    private static final Pattern FENCE = Pattern.compile("\\s{0,3}(`{3,}|~{3,}).*");

    TaskList {
        criteria = List.copyOf(criteria);
    }

    static TaskList of(String body) {
        var criteria = new ArrayList<Criterion>();
        var rest = new ArrayList<String>();
        String fence = null;
        for (var line : body.split("\n", -1)) {
            var fenceLine = FENCE.matcher(line);
            if (fenceLine.matches()) {
                var marker = fenceLine.group(1);
                if (fence == null) {
                    fence = marker;
                }
                else if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()) {
                    fence = null;
                }
                rest.add(line);
                continue;
            }
            var task = TASK.matcher(line);
            if (fence == null && task.matches() && criteria.size() < ItemContent.CRITERIA_MAX
                    && task.group(2).strip().length() <= ItemContent.CRITERION_MAX) {
                criteria.add(new Criterion(task.group(2).strip(), !task.group(1).isBlank()));
            }
            else {
                rest.add(line);
            }
        }
        return new TaskList(criteria, String.join("\n", rest).strip());
    }
}
