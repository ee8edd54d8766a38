import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dev.refinery.estimation.EstimateEvaluation;

/**
 * {@code bench/run estimates DIR [--deployed]}: the suggestion against the median of the history on every CSV of DIR
 * (the product's own code, see EstimateEvaluation), printed and written to docs/benchmarks.md. Without DIR, or with
 * a DIR that does not exist, generated projects are written there first (EstimatesData).
 */
public final class EstimatesBenchmark {

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--speed")) {
            speed();
            return;
        }
        var deployed = List.of(args).contains("--deployed");
        var folder = Path.of(List.of(args).stream().filter(arg -> !arg.startsWith("--")).findFirst().orElse("target/estimates"));
        var generated = !Files.isDirectory(folder);
        if (generated) {
            EstimatesData.main(new String[] { folder.toString() });
        }
        var started = System.nanoTime();
        var results = EstimateEvaluation.evaluate(folder, deployed);
        var seconds = (System.nanoTime() - started) / 1e9;
        var table = EstimateEvaluation.table(results);
        System.out.print(table);
        var name = "estimates" + (deployed ? "-deployed" : "");
        var section = new StringBuilder("<!-- " + name + ":start -->\n");
        section.append("## Suggested estimates against the median of the history").append(deployed ? ", as deployed" : "").append("\n\n");
        section.append("Run `bench/run estimates DIR").append(deployed ? " --deployed" : "").append("` (").append(LocalDate.now())
            .append(", ").append(String.format("%.1f", seconds)).append(" s), on ").append(Machine.describe()).append(", over ")
            .append(results.size()).append(" files of ").append(generated ? "generated projects (bench/EstimatesData.java, seed 19)" : "`" + folder.getFileName() + "`")
            .append(". Oldest 60 % history, next 20 % choose the blend, newest 20 % scored")
            .append(deployed ? "; each tuning and scored item joins the history once it is scored." : "; the history stays the oldest 60 %.")
            .append("\n\n").append(table).append("<!-- " + name + ":end -->\n");
        Machine.replaceSection(Path.of("docs/benchmarks.md"), name, section.toString());
    }

    /** A team with 50,000 estimated items: the index built, then similar items and the suggestion for 1,000 others. */
    static void speed() throws Exception {
        var rows = new java.util.ArrayList<EstimateEvaluation.Row>();
        var random = new java.util.Random(50);
        while (rows.size() < 51_000) {
            var folder = Files.createTempDirectory("estimates");
            var csv = folder.resolve("p.csv");
            Files.writeString(csv, EstimatesData.project("S", 5_000, random));
            rows.addAll(EstimateEvaluation.read(csv));
            Files.delete(csv);
            Files.delete(folder);
        }
        var items = new java.util.ArrayList<dev.refinery.estimation.EstimatedItem>();
        for (var i = 0; i < 50_000; i++) {
            var row = rows.get(i);
            items.add(new dev.refinery.estimation.EstimatedItem(1, Integer.toString(i + 1), row.title(), row.description(), row.points(), i));
        }
        try (var index = new dev.refinery.estimation.SimilarItems()) {
            var started = System.nanoTime();
            index.keepAll(items);
            index.compact();
            var build = (System.nanoTime() - started) / 1e9;
            var deck = java.util.stream.Stream.of(1, 2, 3, 5, 8, 13, 20, 40).map(java.math.BigDecimal::valueOf).toList();
            var times = new long[1_000];
            for (var i = 0; i < times.length + 200; i++) {
                var row = rows.get(50_000 + i % 1_000);
                var start = System.nanoTime();
                var similar = index.like(1, row.title(), row.description(), null, 6);
                dev.refinery.estimation.Suggestion.of(similar, index.tally(1), deck, dev.refinery.estimation.Suggestion.Blend.DEFAULT);
                if (i >= 200) {
                    times[i - 200] = System.nanoTime() - start;
                }
            }
            java.util.Arrays.sort(times);
            var table = String.format(java.util.Locale.ROOT, "| index of 50,000 items built | %.2f s |%n| similar items + suggestion, median | %.2f ms |%n"
                    + "| similar items + suggestion, p95 | %.2f ms |%n| similar items + suggestion, max | %.2f ms |%n", build,
                    times[500] / 1e6, times[950] / 1e6, times[999] / 1e6);
            System.out.print(table);
            var section = "<!-- estimates-speed:start -->\n## Similar items and the suggestion for a team of 50,000 estimated items\n\n"
                    + "Run `bench/run estimates --speed` (" + LocalDate.now() + "), on " + Machine.describe()
                    + ". The index is built as at start: each team's items in one batch (here all 50,000), then merged into one segment; then 1,000 queries after 200 to warm up.\n\n"
                    + "| what | time |\n|---|---:|\n" + table + "<!-- estimates-speed:end -->\n";
            Machine.replaceSection(Path.of("docs/benchmarks.md"), "estimates-speed", section);
        }
    }
}
