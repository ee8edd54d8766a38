package dev.refinery.meeting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;

import dev.refinery.backlog.Risk;
import dev.refinery.shared.Download;

import static dev.refinery.shared.SpreadsheetCells.neutralised;

/** The summary of a session as Markdown for the product manager, and as CSV, one row an item. */
final class SummaryExport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SummaryExport() {
    }

    static String markdown(SessionSummary summary, ZoneId zone) {
        var session = summary.session();
        var text = new StringBuilder("# Summary: ").append(session.title()).append("\n\n");
        if (session.startedAt() != null) {
            text.append("- Held: ").append(WHEN.format(session.startedAt().atZone(zone))).append(" (").append(zone).append(")\n");
        }
        if (session.workstream() != null) {
            text.append("- Workstream: ").append(session.workstream()).append('\n');
        }
        if (!session.goal().isBlank()) {
            text.append("- Goal: ").append(session.goal()).append('\n');
        }
        text.append("- Facilitator: ").append(session.facilitatorName()).append('\n');
        text.append("- Attendees: ").append(String.join(", ", summary.attendees())).append('\n');
        text.append("- Totals: ").append(summary.points().toPlainString()).append(" points, ").append(summary.days().toPlainString())
            .append(" days; ").append(summary.totalDays().toPlainString()).append(" days in all\n");
        if (session.closeNote() != null) {
            text.append("- Closed with a note: ").append(session.closeNote()).append('\n');
        }
        if (!summary.carriedOver().isEmpty()) {
            text.append("- Carried over: ").append(String.join(", ", summary.carriedOver())).append('\n');
        }
        for (var line : summary.items()) {
            text.append("\n## ").append(line.key()).append(" ").append(line.title()).append("\n\n");
            text.append("- Outcome: ").append(line.outcome() == null ? "none" : line.outcome().label())
                .append(line.outcomeNote() == null ? "" : " (" + line.outcomeNote() + ")").append('\n');
            text.append("- Estimate: ").append(line.estimate() == null ? "none" : line.estimate().toString()).append('\n');
            if (line.spread() != null) {
                text.append("- Vote spread: ").append(line.spread()).append(line.spread() == 1 ? " step" : " steps").append('\n');
            }
            if (!line.moved().isEmpty()) {
                text.append("- Queue: ").append(line.moved()).append('\n');
            }
            line.risks().forEach(risk -> text.append("- Risk: ").append(risk).append('\n'));
            line.questions().forEach(question -> text.append("- Q (").append(question.author()).append("): ").append(question.text())
                .append(question.answered() ? "\n  A: " + question.answer() : "\n  (open)").append('\n'));
            line.related().followUps().forEach(follow -> text.append("- Follow-up: ").append(follow.key()).append(" ")
                .append(follow.title()).append('\n'));
            line.related().splits().forEach(split -> text.append("- Split into: ").append(split.key()).append(" ")
                .append(split.title()).append('\n'));
        }
        return text.toString();
    }

    /** The summary as a file to download: Markdown, or CSV with one row an item. */
    static Download file(SessionSummary summary, ZoneId zone, String team, long id, boolean markdown) {
        var name = "summary-" + team + "-" + id;
        return markdown ? new Download(name + ".md", "text/markdown", markdown(summary, zone))
                : new Download(name + ".csv", "text/csv", csv(summary));
    }

    static String csv(SessionSummary summary) {
        var out = new StringWriter();
        var format = CSVFormat.DEFAULT.builder()
            .setHeader("key", "title", "outcome", "note", "estimate", "spread", "risks", "questions", "follow-ups", "queue before",
                    "queue after")
            .get();
        try (var printer = format.print(out)) {
            for (var line : summary.items()) {
                printer.printRecord(line.key(), neutralised(line.title()), line.outcome() == null ? "" : line.outcome().code(),
                        neutralised(line.outcomeNote() == null ? "" : line.outcomeNote()),
                        line.estimate() == null ? "" : line.estimate().toString(), line.spread() == null ? "" : line.spread(),
                        neutralised(line.risks().stream().map(Risk::toString).collect(Collectors.joining("; "))),
                        neutralised(line.questions().stream().map(q -> q.text() + (q.answered() ? " -> " + q.answer() : ""))
                            .collect(Collectors.joining("; "))),
                        line.related().followUps().stream().map(f -> f.key().toString()).collect(Collectors.joining(" ")),
                        line.queueBefore() == null ? "" : line.queueBefore(), line.queueAfter() == null ? "" : line.queueAfter());
            }
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }
}
