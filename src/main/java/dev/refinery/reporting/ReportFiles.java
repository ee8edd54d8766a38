package dev.refinery.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.refinery.shared.Download;
import dev.refinery.shared.SpreadsheetCells;

/** Each report as a CSV file, one line per line of its table, for spreadsheets. */
final class ReportFiles {

    private ReportFiles() {
    }

    static Download velocity(Velocity velocity) {
        return csv(velocity.team() + "-velocity.csv", List.of("iteration", "start", "end", "items", "points", "days"),
                velocity.lines().stream().map(line -> List.<Object>of(line.iteration(), line.start(), line.end(), line.items(),
                        line.points().toPlainString(), line.days().toPlainString())).toList());
    }

    static Download forecast(Forecast forecast) {
        return csv(forecast.team() + "-forecast.csv",
                List.of("position", "key", "title", "size (" + forecast.unit().label() + ")", "50 %", "85 %", "95 %",
                        "deadline", "likelihood %", "at risk"),
                forecast.lines().stream().map(line -> List.<Object>of(line.position(), line.key(), SpreadsheetCells.neutralised(line.title()),
                        line.size().toPlainString(), day(line.p50()), day(line.p85()), day(line.p95()), day(line.deadline()),
                        line.likelihood() == null ? "" : line.likelihood(), line.atRisk() ? "yes" : "no")).toList());
    }

    static Download accuracy(Accuracy accuracy) {
        return csv(accuracy.team() + "-accuracy.csv",
                List.of("estimate", "items", "min", "lower quartile", "median", "upper quartile", "max", "outliers"),
                accuracy.groups().stream().map(group -> {
                    var plot = group.plot();
                    return List.<Object>of(group.estimate(), plot.count(), BoxPlot.show(plot.min()),
                            BoxPlot.show(plot.lowerQuartile()), BoxPlot.show(plot.median()), BoxPlot.show(plot.upperQuartile()),
                            BoxPlot.show(plot.max()), String.join(" ", plot.outliers().stream().map(BoxPlot::show).toList()));
                }).toList());
    }

    private static String day(Object day) {
        return day == null ? "" : day.toString();
    }

    private static Download csv(String name, List<String> header, List<List<Object>> rows) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (var row : rows) {
                printer.printRecord(row);
            }
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return new Download(name, "text/csv", out.toString());
    }
}
