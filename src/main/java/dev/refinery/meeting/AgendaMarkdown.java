package dev.refinery.meeting;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The agenda as Markdown, to share before the meeting: per task its description, technical notes,
 * acceptance criteria and deadline; its current estimate only when the team does not hide anchors.
 */
final class AgendaMarkdown {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AgendaMarkdown() {
    }

    static String of(Agenda agenda, boolean hideEstimates, ZoneId zone) {
        var session = agenda.session();
        var text = new StringBuilder();
        text.append("# ").append(session.title()).append("\n\n");
        text.append("- When: ").append(WHEN.format(session.startsAt().atZone(zone))).append(" (").append(zone).append("), ")
            .append(session.durationMinutes()).append(" min\n");
        if (session.workstream() != null) {
            text.append("- Workstream: ").append(session.workstream()).append('\n');
        }
        if (!session.goal().isBlank()) {
            text.append("- Goal: ").append(session.goal()).append('\n');
        }
        text.append("- Facilitator: ").append(session.facilitatorName()).append('\n');
        text.append("- Agenda: ").append(agenda.lines().size()).append(" items, ").append(agenda.totalMinutes()).append(" min")
            .append(agenda.over() ? " (over the session's " + session.durationMinutes() + " min)" : "").append("\n");
        for (var line : agenda.lines()) {
            var item = line.item().content();
            text.append("\n## ").append(line.position()).append(". ").append(line.item().key()).append(" ").append(item.title())
                .append(" (").append(line.timeBoxMinutes()).append(" min)\n\n");
            if (!line.ready()) {
                text.append("> Not ready: ").append(line.item().readiness()).append("\n\n");
            }
            section(text, "Description", item.description());
            section(text, "Technical notes", item.technicalNotes());
            item.links().forEach(link -> text.append("- [").append(link.label()).append("](").append(link.url()).append(")\n"));
            if (!item.links().isEmpty()) {
                text.append('\n');
            }
            if (!item.acceptanceCriteria().isEmpty()) {
                text.append("### Acceptance criteria\n\n");
                item.acceptanceCriteria().forEach(criterion -> text.append("- [").append(criterion.done() ? "x" : " ").append("] ")
                    .append(criterion.text()).append('\n'));
                text.append('\n');
            }
            if (item.deadline() != null) {
                text.append("Deadline: ").append(item.deadline()).append(item.deadlineReason().isBlank() ? "" : " - " + item.deadlineReason())
                    .append("\n\n");
            }
            if (!hideEstimates && item.estimate() != null) {
                text.append("Current estimate: ").append(item.estimate()).append("\n\n");
            }
        }
        return text.toString().stripTrailing() + "\n";
    }

    private static void section(StringBuilder text, String heading, String body) {
        if (!body.isBlank()) {
            text.append("### ").append(heading).append("\n\n").append(body.strip()).append("\n\n");
        }
    }
}
