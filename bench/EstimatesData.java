import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes made-up projects' exports for {@code bench/run estimates}: CSV files with the columns
 * issuekey,title,description,storypoint, oldest first. Points are skewed Fibonacci; an issue's words tell something
 * of its size (what is done, to which part, how much is said) but noise, drift and empty or marked-up descriptions
 * blur it, as in real trackers. {@code java EstimatesData.java DIR [projects] [seed]}
 */
public final class EstimatesData {

    private static final double[] DECK = { 1, 2, 3, 5, 8, 13, 20, 40 };
    private static final String[][] ACTIONS = {
        { "Fix typo in", "Rename label on", "Change colour of", "Update text of", "Hide button on", "Adjust spacing in" },
        { "Add field to", "Validate input on", "Add filter to", "Show totals on", "Sort columns of", "Add tooltip to", "Log errors of" },
        { "Export data from", "Add search to", "Paginate", "Cache results of", "Add audit trail to", "Add permissions to" },
        { "Integrate payment provider with", "Migrate database of", "Redesign", "Rewrite", "Introduce offline mode for",
          "Split service behind", "Replace framework of" } };
    private static final String[] PARTS = { "checkout page", "invoice list", "user profile", "admin dashboard", "login form",
        "search results", "order history", "notification settings", "report builder", "shipping calculator", "product catalogue",
        "mobile app", "public API", "billing job", "import wizard", "team calendar" };
    private static final String[] SENTENCES = { "The customer cannot see what changed.", "Support gets several tickets a week about this.",
        "Make sure the old behaviour keeps working for existing accounts.", "This touches the database schema and needs a migration.",
        "Coordinate with the backend team on the contract.", "Needs new end-to-end tests and a feature flag.",
        "Performance must stay below 200 ms at the 95th percentile.", "Legal asked for this before the next release.",
        "Check the edge cases with empty lists and very long names.", "The third-party service has no sandbox, test carefully.",
        "Design mockups are attached.", "See the discussion in the last retro." };

    public static void main(String[] args) throws IOException {
        var folder = Path.of(args.length > 0 ? args[0] : "target/estimates");
        var projects = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        var random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 19);
        Files.createDirectories(folder);
        for (var p = 1; p <= projects; p++) {
            var rows = 300 + random.nextInt(1200);
            Files.writeString(folder.resolve("project-" + p + ".csv"), project("P" + p, rows, random));
        }
        System.out.println("Wrote " + projects + " projects to " + folder);
    }

    static String project(String key, int rows, Random random) {
        var scale = 0.7 + random.nextDouble() * 1.3;
        var noise = 0.35 + random.nextDouble() * 0.45;
        var drift = (random.nextDouble() - 0.3) * 0.8;
        var markup = random.nextDouble() < 0.5;
        var empty = 0.1 + random.nextDouble() * 0.4;
        var partBias = new double[PARTS.length];
        for (var i = 0; i < partBias.length; i++) {
            partBias[i] = Math.exp(random.nextGaussian() * 0.4);
        }
        var csv = new StringBuilder("issuekey,title,description,storypoint\n");
        var earlier = new ArrayList<String[]>();
        for (var i = 0; i < rows; i++) {
            String title;
            double size;
            int kind;
            if (!earlier.isEmpty() && random.nextDouble() < 0.12) {
                // teams file the same kind of story again: "Add field to X" after "Add field to Y"
                var before = earlier.get(random.nextInt(earlier.size()));
                title = before[0];
                kind = Integer.parseInt(before[1]);
                size = Double.parseDouble(before[2]);
            }
            else {
                kind = skewedKind(random);
                var part = random.nextInt(PARTS.length);
                title = ACTIONS[kind][random.nextInt(ACTIONS[kind].length)] + " " + PARTS[part];
                size = Math.pow(2.2, kind) * partBias[part];
                earlier.add(new String[] { title, Integer.toString(kind), Double.toString(size) });
            }
            var time = (double) i / rows;
            var points = snap(size * scale * (1 + drift * time) * Math.exp(random.nextGaussian() * noise));
            var description = random.nextDouble() < empty ? "" : description(kind, random, markup);
            csv.append(key).append('-').append(i + 1).append(',').append(quote(title)).append(',').append(quote(description))
                .append(',').append(points == Math.rint(points) ? Long.toString((long) points) : Double.toString(points)).append('\n');
        }
        return csv.toString();
    }

    private static int skewedKind(Random random) {
        var draw = random.nextDouble();
        return draw < 0.35 ? 0 : draw < 0.7 ? 1 : draw < 0.9 ? 2 : 3;
    }

    private static String description(int kind, Random random, boolean markup) {
        var sentences = new ArrayList<String>();
        var count = 1 + kind * 2 + random.nextInt(3 + kind * 3);
        for (var i = 0; i < count; i++) {
            sentences.add(SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        var text = String.join(" ", sentences);
        if (random.nextDouble() < 0.05) {
            // a pasted log makes some descriptions very long
            text += " {code}" + "java.lang.IllegalStateException at com.example.Service.run(Service.java:42) ".repeat(40) + "{code}";
        }
        return markup ? (random.nextBoolean() ? "<p>" + text + "</p>" : "h2. Context\n" + text + "\n*Acceptance*: [~pm] to check") : text;
    }

    private static double snap(double value) {
        var best = DECK[0];
        for (var card : DECK) {
            if (Math.abs(Math.log(card) - Math.log(value)) < Math.abs(Math.log(best) - Math.log(value))) {
                best = card;
            }
        }
        return best;
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
