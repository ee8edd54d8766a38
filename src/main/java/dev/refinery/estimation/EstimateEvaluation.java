package dev.refinery.estimation;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;

/**
 * Measures the suggestion against the median of a team's history on exported projects, with the code the product
 * runs ({@link SimilarItems}, {@link Suggestion}). Rows are oldest first: the oldest 60 % are the history, the next
 * 20 % choose the blend, the newest 20 % are scored, never looked at before. Deployed, each item joins the history
 * once it is scored, the tuning rows too, as in the product. Run by {@code bench/run estimates DIR}.
 */
public final class EstimateEvaluation {

    /** The most similar items looked at, whatever the blend takes of them. */
    private static final int MOST_SIMILAR = 10;

    public record Row(String key, String title, String description, BigDecimal points) {
    }

    /** One file's figures: mean absolute errors of the suggestion and of the history's median on its scored rows. */
    public record Result(String name, int rows, int scored, Suggestion.Blend blend, double suggestionError, double medianError) {

        public boolean beatsMedian() {
            return suggestionError < medianError;
        }
    }

    private EstimateEvaluation() {
    }

    /** The rows of a CSV export with the columns issuekey, title, description, storypoint; rows without points are left out. */
    public static List<Row> read(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            var rows = new ArrayList<Row>();
            var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();
            for (var record : format.parse(reader)) {
                try {
                    var points = new BigDecimal(record.get("storypoint").strip());
                    if (points.signum() >= 0) {
                        rows.add(new Row(record.get("issuekey"), record.get("title"),
                                record.isMapped("description") ? record.get("description") : "", points));
                    }
                }
                catch (IllegalArgumentException notAnEstimate) {
                    // an issue without story points says nothing about the team's estimates
                }
            }
            return rows;
        }
    }

    /** The blends the tuning rows choose from: the first is the product's default. */
    public static List<Suggestion.Blend> blends() {
        var blends = new ArrayList<Suggestion.Blend>(List.of(Suggestion.Blend.DEFAULT));
        for (var similar : new int[] { 3, 6, 10 }) {
            for (var similarWeight : new double[] { 0, 0.2, 0.4, 0.6, 0.8, 1 }) {
                for (var recent : new int[] { 10, 30 }) {
                    for (var recentWeight : new double[] { 0, 0.1, 0.2, 0.4 }) {
                        if (similarWeight + recentWeight <= 1 + 1e-9) {
                            blends.add(new Suggestion.Blend(similar, similarWeight, recent, Math.min(recentWeight, 1 - similarWeight)));
                        }
                    }
                }
            }
        }
        return blends;
    }

    public static Result evaluate(String name, List<Row> rows, boolean deployed) {
        var history = rows.size() * 60 / 100;
        var tuning = rows.size() * 80 / 100;
        if (history < 1 || tuning == history || tuning == rows.size()) {
            throw new IllegalArgumentException(name + " has too few rows with story points (" + rows.size() + ") to split 60/20/20");
        }
        try (var index = new SimilarItems()) {
            for (var i = 0; i < history; i++) {
                index.keep(item(rows.get(i), i));
            }
            var blends = blends();
            var tuned = seen(index, rows, history, tuning, deployed);
            var best = blends.getFirst();
            var bestError = Double.MAX_VALUE;
            for (var blend : blends) {
                var error = tuned.stream().mapToDouble(seen -> seen.error(blend)).average().orElseThrow();
                if (error < bestError - 1e-12) {
                    best = blend;
                    bestError = error;
                }
            }
            var scored = seen(index, rows, tuning, rows.size(), deployed);
            var chosen = best;
            return new Result(name, rows.size(), scored.size(), chosen, scored.stream().mapToDouble(seen -> seen.error(chosen)).average().orElseThrow(),
                    scored.stream().mapToDouble(Seen::medianError).average().orElseThrow());
        }
    }

    /** What each row of [from, to) finds in the index and the history at its turn; deployed, it then joins them. */
    private static List<Seen> seen(SimilarItems index, List<Row> rows, int from, int to, boolean deployed) {
        var seen = new ArrayList<Seen>();
        for (var i = from; i < to; i++) {
            var row = rows.get(i);
            var history = index.history(0);
            var deck = history.stream().distinct().sorted().toList();
            seen.add(new Seen(row.points(), index.like(0, row.title(), row.description(), null, MOST_SIMILAR), history, deck,
                    Suggestion.median(history)));
            if (deployed) {
                index.keep(item(row, i));
            }
        }
        return seen;
    }

    private static EstimatedItem item(Row row, int order) {
        return new EstimatedItem(0, "R" + order, row.title(), row.description(), row.points(), order);
    }

    private record Seen(BigDecimal actual, List<Similar> similar, List<BigDecimal> history, List<BigDecimal> deck, BigDecimal median) {

        double error(Suggestion.Blend blend) {
            return Math.abs(Suggestion.of(similar, history, deck, blend).value().doubleValue() - actual.doubleValue());
        }

        double medianError() {
            return Math.abs(median.doubleValue() - actual.doubleValue());
        }
    }

    /** Evaluates every CSV file of a folder and prints the figures; {@code --deployed} lets scored items join the history. */
    public static List<Result> evaluate(Path folder, boolean deployed) throws IOException {
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
        }
        var results = new ArrayList<Result>();
        for (var file : files) {
            results.add(evaluate(file.getFileName().toString(), read(file), deployed));
        }
        return results;
    }

    /** The figures as a Markdown table, the mean over files and how many files the suggestion beats the median in. */
    public static String table(List<Result> results) {
        var text = new StringBuilder("| file | rows | scored | blend chosen on the tuning rows | MAE suggestion | MAE median | beats the median |\n"
                + "|---|---:|---:|---|---:|---:|---|\n");
        for (var result : results) {
            var blend = result.blend();
            text.append(String.format(Locale.ROOT, "| %s | %d | %d | %d similar %.1f, last %d %.1f, all %.1f | %.3f | %.3f | %s |%n",
                    result.name(), result.rows(), result.scored(), blend.similar(), blend.similarWeight(), blend.recent(),
                    blend.recentWeight(), 1 - blend.similarWeight() - blend.recentWeight(), result.suggestionError(),
                    result.medianError(), result.beatsMedian() ? "yes" : "no"));
        }
        var suggestion = results.stream().mapToDouble(Result::suggestionError).average().orElse(Double.NaN);
        var median = results.stream().mapToDouble(Result::medianError).average().orElse(Double.NaN);
        var beaten = results.stream().filter(Result::beatsMedian).count();
        text.append(String.format(Locale.ROOT, "| **mean of %d files** | | | | **%.3f** | **%.3f** | %d of %d (%.1f %% lower) |%n",
                results.size(), suggestion, median, beaten, results.size(), 100 * (median - suggestion) / median));
        return text.toString();
    }

    public static void main(String[] args) throws IOException {
        var deployed = List.of(args).contains("--deployed");
        var folder = List.of(args).stream().filter(arg -> !arg.startsWith("--")).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Usage: EstimateEvaluation DIR [--deployed]"));
        System.out.print(table(evaluate(Path.of(folder), deployed)));
    }
}
