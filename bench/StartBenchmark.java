import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * From {@code java -jar} until the first page answers: Refinery (its H2 file database, as a newcomer starts it, GET /
 * followed to the page it leads to) against a bare Spring Boot web application of the same Spring Boot version (only
 * the web starter and one controller), started in turns with the same JVM options, and Refinery's production start
 * (the extracted jar with the JDK's AOT cache, see scripts/aot-cache). Only the JDK is needed: the applications run in
 * processes of their own. Measures the wall time, the processor time the process had used by then (less disturbed by
 * other load on the machine than the wall time) and its RSS right after the answer.
 */
public class StartBenchmark {

    record Variant(String name, List<String> command) {
    }

    record Start(double seconds, double cpuSeconds, long rssKib, int status) {
    }

    static final int TICKS_PER_SECOND = 100;

    public static void main(String[] args) throws Exception {
        var runs = Integer.getInteger("runs", 5);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var options = List.of(System.getProperty("options", "").split(" ")).stream().filter(o -> !o.isBlank()).toList();
        var refinery = Path.of(System.getProperty("refinery")).toAbsolutePath().toString();
        var bare = Path.of(System.getProperty("bare")).toAbsolutePath().toString();
        var production = Path.of(System.getProperty("production", "target/production")).toAbsolutePath();
        var bareProduction = Path.of(System.getProperty("bare.production", "bench/bare-web/target/production")).toAbsolutePath();
        var variants = new ArrayList<Variant>();
        variants.add(new Variant("Refinery, java -jar", command(java, options, List.of("-jar", refinery))));
        variants.add(new Variant("bare web app, java -jar", command(java, options, List.of("-jar", bare))));
        if (System.getProperty("before") != null) {
            // Another build of Refinery (an earlier commit's jar) in the same turns, for figures before and after a change.
            variants.add(new Variant("Refinery before, java -jar", command(java, options, List.of("-jar", Path.of(System.getProperty("before")).toAbsolutePath().toString()))));
        }
        if (Files.exists(production.resolve("app.aot"))) {
            variants.add(new Variant("Refinery, production start (AOT cache)", command(java, options, production(production))));
        }
        if (Files.exists(bareProduction.resolve("app.aot"))) {
            variants.add(new Variant("bare web app, AOT cache", command(java, options, production(bareProduction))));
        }
        var folder = Files.createTempDirectory("refinery-start");
        var results = new LinkedHashMap<String, List<Start>>();
        var loadBefore = load();
        try {
            // One untimed start of each first: Refinery creates its database (a restart opens it), the files get cached.
            var port = 8100;
            for (var variant : variants) {
                start(variant, folder, port++);
                results.put(variant.name(), new ArrayList<>());
            }
            for (int run = 1; run <= runs; run++) {
                for (var variant : variants) {
                    var start = start(variant, folder, port++);
                    results.get(variant.name()).add(start);
                    System.out.printf(Locale.ROOT, "run %d %-42s %6.2f s, processor %6.2f s, RSS %4d MB (%d)%n", run, variant.name(),
                            start.seconds(), start.cpuSeconds(), start.rssKib() / 1024, start.status());
                }
                if (port > 8180) {
                    port = 8100;
                }
            }
        }
        finally {
            Machine.remove(folder);
        }
        var loadAfter = load();
        write(runs, options, results, loadBefore, loadAfter);
    }

    /** The options scripts/aot-cache wrote, and AOTMode=on: a cache that cannot be used stops the start instead of being left out. */
    static List<String> production(Path folder) throws IOException {
        var command = new ArrayList<String>(List.of(Files.readString(folder.resolve("java-options")).strip().split(" ")));
        command.addAll(List.of("-XX:AOTMode=on", "-jar", folder.resolve("app.jar").toString()));
        return command;
    }

    static List<String> command(String java, List<String> options, List<String> rest) {
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(options);
        command.addAll(rest);
        return command;
    }

    static Start start(Variant variant, Path folder, int port) throws Exception {
        var command = new ArrayList<>(variant.command());
        command.add("--server.port=" + port);
        var log = folder.resolve("server-" + port + ".log");
        var started = System.nanoTime();
        var process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(1)).build();
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(60)).build();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(variant.name() + " stopped: " + Files.readString(log));
                }
                if (System.nanoTime() - started > Duration.ofMinutes(5).toNanos()) {
                    throw new IllegalStateException(variant.name() + " did not answer in 5 minutes: " + Files.readString(log));
                }
                try {
                    var response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    var seconds = (System.nanoTime() - started) / 1e9;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(variant.name() + " answered GET / with " + response.statusCode());
                    }
                    return new Start(seconds, cpuSeconds(process.pid()), rssKib(process.pid()), response.statusCode());
                }
                catch (IOException notYet) {
                    Thread.sleep(10);
                }
            }
        }
        finally {
            process.destroy();
            process.waitFor();
        }
    }

    static long rssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("VmRSS:"))
            .findFirst().map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElseThrow();
    }

    /** User and system time of the process, from /proc/PID/stat (fields 14 and 15, after the command in parentheses). */
    static double cpuSeconds(long pid) throws IOException {
        var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
    }

    static String load() throws IOException {
        var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " / " + fields[1] + " / " + fields[2];
    }

    static double median(List<Start> starts, java.util.function.ToDoubleFunction<Start> value) {
        var values = new ArrayList<Double>();
        starts.forEach(start -> values.add(value.applyAsDouble(start)));
        Collections.sort(values);
        var middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }

    static String range(List<Start> starts, java.util.function.ToDoubleFunction<Start> value) {
        var stats = starts.stream().mapToDouble(value).summaryStatistics();
        return String.format(Locale.ROOT, "%.1f-%.1f", stats.getMin(), stats.getMax());
    }

    static void write(int runs, List<String> options, Map<String, List<Start>> results, String loadBefore, String loadAfter) throws IOException {
        var table = new StringBuilder("| start | wall time, median (range) | processor time, median | RSS after the first page, median |\n|---|---|---|---|\n");
        results.forEach((name, starts) -> table.append(String.format(Locale.ROOT, "| %s | %.2f s (%s) | %.2f s | %d MB |%n", name,
                median(starts, Start::seconds), range(starts, Start::seconds), median(starts, Start::cpuSeconds),
                Math.round(median(starts, Start::rssKib) / 1024))));
        var names = new ArrayList<>(results.keySet());
        var refinery = results.get(names.get(0));
        var bare = results.get(names.get(1));
        var ratios = String.format(Locale.ROOT, "Refinery / bare web app, both `java -jar`: wall time %.2f, processor time %.2f, RSS %.2f "
                + "(target: time <= 1.5).", median(refinery, Start::seconds) / median(bare, Start::seconds),
                median(refinery, Start::cpuSeconds) / median(bare, Start::cpuSeconds), median(refinery, Start::rssKib) / median(bare, Start::rssKib));
        var production = results.get("Refinery, production start (AOT cache)");
        if (production != null) {
            ratios += String.format(Locale.ROOT, " Production start (AOT cache) against Refinery's `java -jar`: wall time %.2f, processor time %.2f "
                    + "(target: <= 2 s).", median(production, Start::seconds) / median(refinery, Start::seconds),
                    median(production, Start::cpuSeconds) / median(refinery, Start::cpuSeconds));
        }
        System.out.println();
        System.out.print(table);
        System.out.println(ratios);
        var section = new StringBuilder("<!-- start:start -->\n## Start: from `java -jar` to the first page\n\n");
        section.append("Run `bench/run start` (").append(LocalDate.now()).append("), on ").append(Machine.describe()).append("; load average ")
            .append(loadBefore).append(" before and ").append(loadAfter).append(" after (1 / 5 / 15 minutes).\n\n");
        section.append("Each start is a new process, ").append(runs).append(" of each in turns after one untimed start of each, JVM options: ")
            .append(options.isEmpty() ? "none" : "`" + String.join(" ", options) + "`")
            .append(". The time runs from the process's start until GET / (redirects followed: Refinery's leads a newcomer to ")
            .append("/setup, then /sign-in) answers 200; Refinery on its H2 file database, created by the untimed start. ")
            .append("The bare web app is Spring Boot 4.0.7 with only `spring-boot-starter-webmvc` and one controller ")
            .append("(bench/bare-web). Refinery's jar is built with Spring's AOT processing (`-Paot`, as `./mvnw package` on a JDK 21 ")
            .append("or newer) and `java -jar` starts it from the generated bean definitions; the production start is the same jar ")
            .append("extracted, started with the JDK's AOT cache from a training run and `-Dspring.aot.enabled=true` (scripts/aot-cache).\n\n");
        section.append(table).append('\n').append(ratios).append('\n');
        section.append("<!-- start:end -->\n");
        Machine.replaceSection(Path.of("docs/benchmarks.md"), "start", section.toString());
    }
}
