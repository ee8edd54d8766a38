import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.refinery.RefineryApplication;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewAccount;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.Teams;

/**
 * A Jira CSV export of 50,000 issues imported through the API, on H2 and on PostgreSQL: the time from the
 * upload until the job says done (every row read, checked and saved), then the same file again (nothing new
 * to add). Runs the real application in this JVM; the job's state is read from its table, so that watching
 * it costs the server nothing.
 */
public class ImportBenchmark {

    static final int ROWS = 50_000;
    static final String EMAIL = "bench@refinery.test";
    static final String PASSWORD = "benchmark password";

    record Result(String database, long bytes, double coldMillis, double firstMillis, long added, double againMillis,
            long alreadyThere) {
    }

    public static void main(String[] args) throws Exception {
        var file = jira();
        System.out.printf("a Jira CSV of %,d rows, %,d bytes%n", ROWS, file.length);
        var results = new ArrayList<Result>();
        var h2 = Files.createTempDirectory("refinery-bench");
        try {
            results.add(run("H2 (file)", "jdbc:h2:file:" + h2.resolve("bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64",
                    "sa", null, file));
        }
        finally {
            Machine.remove(h2);
        }
        var pg = System.getenv().getOrDefault("REFINERY_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        var schema = "bench_" + System.currentTimeMillis();
        try (var connection = DriverManager.getConnection(pg, "postgres", "")) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try {
            results.add(run("PostgreSQL", pg + "?currentSchema=" + schema, "postgres", schema, file));
        }
        finally {
            try (var connection = DriverManager.getConnection(pg, "postgres", "")) {
                connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        write(results);
    }

    /** 50,000 issues as Jira exports them: quoted multi-line wiki descriptions, two Labels columns, epics, points. */
    static byte[] jira() {
        return jira(ROWS, "BENCH");
    }

    static byte[] jira(int rows, String project) {
        var csv = new StringBuilder("\uFEFFSummary,Issue key,Issue id,Issue Type,Status,Priority,Due date,Labels,Labels,"
                + "Description,Custom field (Story Points),Custom field (Epic Link)\r\n");
        var statuses = List.of("To Do", "In Progress", "Done", "Backlog");
        var priorities = List.of("Highest", "High", "Medium", "Low");
        var points = List.of("1", "2", "3", "5", "8", "13", "");
        for (int i = 1; i <= rows; i++) {
            csv.append("\"Story ").append(i).append(", with a comma\",").append(project).append('-').append(i).append(',').append(10_000 + i)
                .append(",Story,").append(statuses.get(i % 4)).append(',').append(priorities.get(i % 4)).append(',')
                .append(i % 7 == 0 ? "24/Dec/26 12:00 AM" : "").append(",label-").append(i % 50).append(',')
                .append(i % 3 == 0 ? "backend" : "").append(",\"h2. Why\r\nBecause *customer ").append(i)
                .append("* asked.\r\n# first step\r\n# second step\r\n{code}call(").append(i).append("){code}\",")
                .append(points.get(i % points.size())).append(",Epic ").append(i % 20).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Result run(String name, String url, String user, String schema, byte[] file) throws Exception {
        System.out.println("== " + name);
        var arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        if (schema != null) {
            arguments.add("--spring.flyway.schemas=" + schema);
        }
        try (var app = SpringApplication.run(RefineryApplication.class, arguments.toArray(String[]::new))) {
            var port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var admin = app.getBean(Accounts.class).openFirstAdministrator(new NewAccount(EMAIL, "Bench", PASSWORD));
            app.getBean(Teams.class).create(new NewTeam("Benchmark", "BENCH"), admin.id());
            app.getBean(Teams.class).create(new NewTeam("Cold start", "COLD"), admin.id());
            var jdbc = app.getBean(JdbcTemplate.class);
            var cold = importOnce("http://127.0.0.1:" + port + "/api/v1/teams/COLD/imports", jdbc, jira(ROWS, "COLD"));
            System.out.printf("on a fresh server, into another team: %.0f ms%n", cold.millis());
            var base = "http://127.0.0.1:" + port + "/api/v1/teams/BENCH/imports";
            var first = importOnce(base, jdbc, file);
            System.out.printf("first import: %.0f ms, %s%n", first.millis(), first.outcome());
            var again = importOnce(base, jdbc, file);
            System.out.printf("same file again: %.0f ms, %s%n", again.millis(), again.outcome());
            return new Result(name, file.length, cold.millis(), first.millis(), ((Number) first.outcome().get("added")).longValue(),
                    again.millis(), ((Number) again.outcome().get("already_there")).longValue());
        }
    }

    record Timed(double millis, Map<String, Object> outcome) {
    }

    static Timed importOnce(String url, JdbcTemplate jdbc, byte[] file) throws Exception {
        var boundary = "----refinery-bench-" + System.nanoTime();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\njira-csv\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"jira.csv\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var credentials = java.util.Base64.getEncoder().encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
            .build();
        var started = System.nanoTime();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        var id = Long.parseLong(response.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        while (true) {
            var job = jdbc.queryForMap("SELECT status, added, already_there, error_count, message FROM exchange_import_job WHERE id = ?", id);
            var status = (String) job.get("status");
            if (!List.of("queued", "checking", "importing").contains(status)) {
                var millis = (System.nanoTime() - started) / 1_000_000.0;
                if (!status.equals("done")) {
                    throw new IllegalStateException("The import ended " + status + ": " + job.get("message"));
                }
                return new Timed(millis, job);
            }
            Thread.sleep(10);
        }
    }

    static void write(List<Result> results) throws java.io.IOException {
        var section = new StringBuilder();
        section.append("<!-- import:start -->\n## Import: a Jira CSV of 50,000 issues\n\n");
        section.append("Run `bench/run import` (").append(LocalDate.now()).append("), on ").append(Machine.describe()).append(".\n\n");
        section.append(String.format(Locale.ROOT, "A Jira \"Export CSV\" file of %,d issues (%.1f MB: a BOM, CRLF, quoted multi-line ", ROWS,
                results.getFirst().bytes() / 1_000_000.0))
            .append("descriptions in wiki markup, two Labels columns, story points, 20 epics that become workstreams) posted to ")
            .append("`POST /api/v1/teams/{key}/imports`; the time runs from the upload until the job says `done`: every row read ")
            .append("with commons-csv, its description turned into Markdown, checked against the template, and saved in one ")
            .append("transaction. The first such file goes to a server just started (its code not yet compiled by the JIT), the ")
            .append("second, another 50,000 issues into another team, to the same server warm; then the second file again, ")
            .append("which adds nothing (every issue key is already there).\n\n");
        section.append("| database | 50,000 rows, fresh server | 50,000 rows, warm server (target <= 10 s) | items added | same file again | left as they were |\n|---|---|---|---|---|---|\n");
        for (var r : results) {
            section.append(String.format(Locale.ROOT, "| %s | %.1f s | %.1f s | %,d | %.1f s | %,d |%n", r.database(),
                    r.coldMillis() / 1000, r.firstMillis() / 1000,
                    r.added(), r.againMillis() / 1000, r.alreadyThere()));
        }
        section.append("<!-- import:end -->\n");
        Machine.replaceSection(Path.of("docs/benchmarks.md"), "import", section.toString());
    }
}
