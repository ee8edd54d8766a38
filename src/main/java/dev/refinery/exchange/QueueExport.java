package dev.refinery.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.prioritization.Ranked;
import dev.refinery.shared.Coded;

import static dev.refinery.shared.SpreadsheetCells.neutralised;

/** A team's ranked queue for other tools: CSV for spreadsheets, a Markdown table, and JSON; one line an item, in rank order. */
final class QueueExport {

    /** The formats a queue downloads as, with their media type and file extension. */
    enum Format implements Coded {
        CSV("csv", "text/csv"), MARKDOWN("md", "text/markdown"), JSON("json", "application/json");

        private final String code;
        private final String mediaType;

        Format(String code, String mediaType) {
            this.code = code;
            this.mediaType = mediaType;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        String mediaType() {
            return mediaType;
        }

        static Optional<Format> of(String code) {
            return Coded.of(values(), code);
        }
    }

    /** One line of the exported queue; the score is rounded as the queue page shows it, empty outside the ranked band. */
    record Line(int rank, String key, String title, BigDecimal score, String band, boolean pinned, String estimate,
            String status, String workstream, LocalDate deadline) {
    }

    private QueueExport() {
    }

    static List<Line> lines(List<Ranked> queue) {
        var lines = new ArrayList<Line>();
        for (int i = 0; i < queue.size(); i++) {
            var ranked = queue.get(i);
            var item = ranked.item();
            lines.add(new Line(i + 1, item.key().toString(), item.title(), ranked.score().rounded(),
                    ranked.score().band().code(), ranked.pin() != null,
                    item.estimate() == null ? null : item.estimate().toString(), item.status().code(), item.workstream(),
                    item.deadline()));
        }
        return lines;
    }

    static String csv(List<Line> lines) {
        var out = new StringWriter();
        var format = CSVFormat.DEFAULT.builder()
            .setHeader("rank", "key", "title", "score", "band", "pinned", "estimate", "status", "workstream", "deadline")
            .get();
        try (var printer = format.print(out)) {
            for (var line : lines) {
                printer.printRecord(line.rank(), line.key(), neutralised(line.title()),
                        line.score() == null ? "" : line.score().toPlainString(), line.band(), line.pinned(),
                        neutralised(line.estimate()), line.status(), neutralised(line.workstream()),
                        line.deadline() == null ? "" : line.deadline().toString());
            }
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    static String markdown(String teamName, LocalDate day, List<Line> lines) {
        var text = new StringBuilder("# Queue: ").append(cellText(teamName)).append(", ").append(day).append("\n\n");
        text.append("| rank | key | title | score | estimate | status | workstream | deadline |\n");
        text.append("|---:|---|---|---:|---|---|---|---|\n");
        for (var line : lines) {
            text.append("| ").append(line.rank())
                .append(" | ").append(line.key())
                .append(" | ").append(cellText(line.title()))
                .append(" | ").append(line.score() == null ? "–" : line.score().toPlainString())
                .append(" | ").append(cellText(line.estimate()))
                .append(" | ").append(line.status())
                .append(" | ").append(cellText(line.workstream()))
                .append(" | ").append(line.deadline() == null ? "" : line.deadline().toString())
                .append(" |\n");
        }
        return text.toString();
    }

    /** A table cell holds one line, and a pipe would end the cell. */
    private static String cellText(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
