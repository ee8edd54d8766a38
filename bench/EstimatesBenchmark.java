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
}
