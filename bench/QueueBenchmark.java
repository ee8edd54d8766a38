import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.refinery.RefineryApplication;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewAccount;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.Teams;

/**
 * The priority queue of a team with 50,000 items, on H2 and on PostgreSQL: the server time of the queue page
 * (100 rows), the time to rank all items again after the scoring model changes, and the rows a pin writes.
 * Runs the real application in this JVM on a free port and talks to it over loopback HTTP.
 */
public class QueueBenchmark {

    static final int ITEMS = 50_000;
    static final int PAGE_REQUESTS = 300;
    static final String EMAIL = "bench@refinery.test";
    static final String PASSWORD = "benchmark password";

    record Result(String database, long seedMillis, double p50, double p95, double p99, double firstRank,
            double reRank, long pinRows, long revisionRows) {
    }

    public static void main(String[] args) throws Exception {
        var results = new ArrayList<Result>();
        var h2 = Files.createTempDirectory("refinery-bench");
        try {
            results.add(run("H2 (file)", "jdbc:h2:file:" + h2.resolve("bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64",
                    "sa", "", null));
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
            results.add(run("PostgreSQL", pg + "?currentSchema=" + schema, "postgres", "", schema));
        }
        finally {
            try (var connection = DriverManager.getConnection(pg, "postgres", "")) {
                connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        write(results);
    }

    static Result run(String name, String url, String user, String password, String schema) throws Exception {
        System.out.println("== " + name);
        var arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        if (schema != null) {
            arguments.add("--spring.flyway.schemas=" + schema);
        }
        try (var app = SpringApplication.run(RefineryApplication.class, arguments.toArray(String[]::new))) {
            var port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var admin = app.getBean(Accounts.class).openFirstAdministrator(new NewAccount(EMAIL, "Bench", PASSWORD));
            var team = app.getBean(Teams.class).create(new NewTeam("Benchmark", "BENCH"), admin.id()).team();
            var started = System.nanoTime();
            seed(app, team.id().value());
            var seedMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("seeded %,d items in %,d ms%n", ITEMS, seedMillis);

            var base = "http://127.0.0.1:" + port;
            var client = signedIn(base);
            var firstRank = time(() -> get(client, base + "/teams/BENCH/queue"));
            System.out.printf("first queue page (ranks all): %.0f ms%n", firstRank);
            for (int i = 0; i < 30; i++) {
                get(client, base + "/teams/BENCH/queue?page=" + (1 + i % 5));
            }
            var times = new double[PAGE_REQUESTS];
            for (int i = 0; i < PAGE_REQUESTS; i++) {
                var page = 1 + i % 10;
                times[i] = time(() -> get(client, base + "/teams/BENCH/queue?page=" + page));
            }
            java.util.Arrays.sort(times);
            System.out.printf("queue page p50 %.1f ms, p95 %.1f ms%n", percentile(times, 50), percentile(times, 95));

            put(client, base + "/api/v1/teams/BENCH/scoring", """
                    {"model": "wsjf", "daysPerPoint": 1, "deadlineUrgency": true, "horizonDays": 30, "version": 0}""");
            var reRank = time(() -> get(client, base + "/teams/BENCH/queue"));

            var jdbc = app.getBean(JdbcTemplate.class);
            var pinsBefore = count(jdbc, "prioritization_pin");
            var revisionBefore = jdbc.queryForObject("SELECT COALESCE(SUM(revision), 0) FROM prioritization_revision", Long.class);
            put(client, base + "/api/v1/teams/BENCH/items/BENCH-" + ITEMS + "/pin", "{\"above\": \"BENCH-1\"}");
            var pinRows = count(jdbc, "prioritization_pin") - pinsBefore;
            var revisionRows = jdbc.queryForObject("SELECT COALESCE(SUM(revision), 0) FROM prioritization_revision", Long.class)
                    - revisionBefore;
            var result = new Result(name, seedMillis, percentile(times, 50), percentile(times, 95), percentile(times, 99),
                    firstRank, reRank, pinRows, revisionRows);
            System.out.println(result);
            return result;
        }
    }

    /** 50,000 items with WSJF inputs, estimates in points and days, some without an estimate, some with deadlines. */
    static void seed(ConfigurableApplicationContext app, long team) {
        var jdbc = app.getBean(JdbcTemplate.class);
        var now = OffsetDateTime.now();
        var today = LocalDate.now();
        var random = new java.util.Random(42);
        var items = new ArrayList<Object[]>();
        for (int n = 1; n <= ITEMS; n++) {
            Integer halves = n % 10 == 0 ? null : 1 + random.nextInt(26);
            String unit = halves == null ? null : (n % 3 == 0 ? "days" : "points");
            java.sql.Date deadline = n % 7 == 0 ? java.sql.Date.valueOf(today.plusDays(random.nextInt(90) - 10)) : null;
            items.add(new Object[] { team, n, "Benchmark item " + n, "Why item " + n + " matters.", halves, unit, deadline,
                    n % 4 == 0 ? "ready" : "needs-refinement", now, now });
        }
        jdbc.batchUpdate("""
                INSERT INTO backlog_item (team_id, item_number, title, description, estimate_halves, estimate_unit, deadline,
                    status, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """, items);
        jdbc.update("INSERT INTO backlog_item_sequence (team_id, last_number) VALUES (?, ?)", team, ITEMS);
        var ids = jdbc.queryForList("SELECT id FROM backlog_item WHERE team_id = ? ORDER BY item_number", Long.class, team);
        var inputs = new ArrayList<Object[]>();
        for (var id : ids) {
            for (var input : List.of("businessValue", "timeCriticality", "riskReduction")) {
                inputs.add(new Object[] { id, input, BigDecimal.valueOf(1 + random.nextInt(10)) });
            }
        }
        jdbc.batchUpdate("INSERT INTO backlog_item_importance (item_id, name, amount) VALUES (?, ?, ?)", inputs);
        if (jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()).equals("PostgreSQL")) {
            // A bulk load is followed by autovacuum's ANALYZE in a running PostgreSQL; without statistics the
            // planner scans the table. Do here at once what autovacuum would do within a minute.
            jdbc.execute("ANALYZE");
        }
    }

    interface Call {
        void run() throws Exception;
    }

    static double time(Call call) throws Exception {
        var started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000.0;
    }

    /**
     * A browser's session: signed in once through the form, then a cookie. (HTTP Basic would check the password
     * hash on every request, which is what an API token avoids, not what a person on the queue page pays.)
     */
    static HttpClient signedIn(String base) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        var form = client.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var token = form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var body = "email=" + java.net.URLEncoder.encode(EMAIL, StandardCharsets.UTF_8) + "&password="
                + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token;
        var signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 302 || signIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Could not sign in: " + signIn.statusCode());
        }
        return client;
    }

    static void get(HttpClient client, String url) throws IOException, InterruptedException {
        var response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("queue-entry")) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
    }

    static void put(HttpClient client, String url, String json) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(basic(url).header("Accept", "application/json").header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static HttpRequest.Builder basic(String url) {
        var credentials = Base64.getEncoder().encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + credentials);
    }

    static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    static void write(List<Result> results) throws IOException {
        var section = new StringBuilder();
        section.append("<!-- queue:start -->\n## Priority queue: 50,000 items\n\n");
        section.append("Run `bench/run queue` (").append(LocalDate.now()).append("), on ").append(Machine.describe()).append(".\n\n");
        section.append("A team with 50,000 items (WSJF inputs on all, no estimate on 10 %, deadlines on 14 %), the application in ")
            .append("the benchmark's JVM, requests over loopback HTTP from a client signed in through the form (a session cookie, as a browser). The queue page is the full HTML page of ")
            .append("100 rows with each row's readiness; times are as the client saw them (so they include the server time).\n\n");
        section.append("| database | queue page p50 | queue page p95 (target <= 50 ms) | p99 | first ranking of 50,000 | re-rank after a model change (target <= 1 s) | pin: rows written |\n");
        section.append("|---|---|---|---|---|---|---|\n");
        for (var r : results) {
            section.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.0f ms | %.0f ms | %d pin row (+ %d revision counter) |%n",
                    r.database(), r.p50(), r.p95(), r.p99(), r.firstRank(), r.reRank(), r.pinRows(), r.revisionRows()));
        }
        section.append("\nThe re-rank is the first queue page after `PUT /api/v1/teams/{key}/scoring`: it scores and sorts all ")
            .append("50,000 items and renders the page. A pin inserts its one row and moves the team's revision counter, which ")
            .append("tells every node to rank the team again; no other row changes. The items are loaded in bulk with SQL; ")
            .append("on PostgreSQL the benchmark then runs ANALYZE, as autovacuum would within a minute (without statistics ")
            .append("the planner scans the table and the page takes about 60 ms).\n<!-- queue:end -->\n");
        Machine.replaceSection(Path.of("docs/benchmarks.md"), "queue", section.toString());
    }
}
