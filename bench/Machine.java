import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The machine a benchmark ran on, the section of docs/benchmarks.md it writes, and the scratch it leaves none of. */
public final class Machine {

    static String describe() {
        var cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
        }
        catch (IOException unreadable) {
            // not Linux: keep "unknown CPU"
        }
        var memory = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        var total = "";
        try {
            total = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                .findFirst().map(line -> ", " + Long.parseLong(line.replaceAll("\\D", "")) / (1024 * 1024) + " GiB RAM").orElse("");
        }
        catch (IOException unreadable) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + ")" + total + ", JDK "
                + System.getProperty("java.version") + ", heap up to " + memory + " MiB, " + System.getProperty("os.name")
                + " " + System.getProperty("os.version");
    }

    static void replaceSection(Path file, String name, String section) throws IOException {
        var start = "<!-- " + name + ":start -->";
        var end = "<!-- " + name + ":end -->";
        var text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\nFigures written by `bench/run`; see bench/README.md.\n\n";
        var from = text.indexOf(start);
        var to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + section.strip() + text.substring(to + end.length());
        }
        else {
            text = text.stripTrailing() + "\n\n" + section;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.stripTrailing() + "\n");
    }

    /** Deletes a benchmark's temporary folder with everything in it (an H2 database of 50,000 items is about 1 GB). */
    static void remove(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
