import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many teams meeting at once on one node for a long time, on H2 (file) and on PostgreSQL: each team's facilitator
 * writes items, plans a session, starts it and walks its agenda; the members, each with the room's live stream open
 * as their browser has it, vote with think time, ask questions, browse the queue and the backlog; the facilitator
 * reveals, agrees, edits the item (If-Match), answers, pins, closes the session and plans the next one, and now and
 * then imports a CSV. The pool renews its connections every 30 seconds. Reports every error, the p50 and p99 of each
 * kind of request per time window, the server's heap and RSS over time, and the database's tables and files before
 * and after. Options (JVM properties): minutes (60), teams (100), members (5), db (both, h2 or pg), window (minutes
 * per table; a twelfth of the run), think (a factor on every pause; 1), heap (the server's -Xmx; 1g), port.
 */
public class SoakBenchmark {

    static final String ADMIN = "bench@refinery.test";
    static final String PASSWORD = "benchmark password";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    static final List<String> CARDS = List.of("1", "2", "3", "5", "8", "13");

    static final int MINUTES = Integer.getInteger("minutes", 60);
    static final int TEAMS = Integer.getInteger("teams", 100);
    static final int MEMBERS = Integer.getInteger("members", 5);
    static final String DB = System.getProperty("db", "both");
    static final int WINDOW = Integer.getInteger("window", Math.max(1, MINUTES / 12));
    static final double THINK = Double.parseDouble(System.getProperty("think", "1"));
    static final String HEAP = System.getProperty("heap", "1g");
    /** Hikari's shortest lifetimes: every pooled connection is renewed about twice a minute while the teams meet. */
    static final List<String> POOL = List.of("--spring.datasource.hikari.max-lifetime=30000",
            "--spring.datasource.hikari.idle-timeout=10000", "--spring.datasource.hikari.minimum-idle=2");

    public static void main(String[] args) throws Exception {
        var sections = new ArrayList<String>();
        if (DB.equals("both") || DB.equals("h2")) {
            var work = Files.createTempDirectory("refinery-soak-h2");
            var h2 = "jdbc:h2:file:" + work.resolve("data").resolve("refinery")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64";
            var failed = true;
            try {
                sections.add(new Soak("H2 (file)", work, h2, "sa", null).run());
                write(sections);
                failed = false;
            }
            finally {
                if (failed) {
                    System.out.println("The server's log and data are in " + work);
                }
                else {
                    Machine.remove(work);
                }
            }
        }
        if (DB.equals("both") || DB.equals("pg")) {
            var pg = System.getenv().getOrDefault("REFINERY_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            var schema = "soak_" + System.currentTimeMillis();
            try (var connection = DriverManager.getConnection(pg, "postgres", "")) {
                connection.createStatement().execute("CREATE SCHEMA " + schema);
            }
            // also when the soak is interrupted (Ctrl-C): its schema goes with it
            var dropped = new Thread(() -> {
                try (var connection = DriverManager.getConnection(pg, "postgres", "")) {
                    connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
                catch (java.sql.SQLException unreachable) {
                    System.out.println("Could not drop the schema " + schema + ": " + unreachable.getMessage());
                }
            });
            Runtime.getRuntime().addShutdownHook(dropped);
            var work = Files.createTempDirectory("refinery-soak-pg");
            var failed = true;
            try {
                sections.add(new Soak("PostgreSQL", work, pg + "?currentSchema=" + schema, "postgres", schema).run());
                write(sections);
                failed = false;
            }
            finally {
                Runtime.getRuntime().removeShutdownHook(dropped);
                dropped.run();
                if (failed) {
                    System.out.println("The server's log is in " + work);
                }
                else {
                    Machine.remove(work);
                }
            }
        }
    }

    /** One soak on one database: the server, the teams, and what was measured. */
    static final class Soak {

        final String database;
        final Path work;
        final String url;
        final String user;
        final String schema;
        final int port;
        final String base;
        final Recorder recorder = new Recorder();
        final List<Sample> samples = new CopyOnWriteArrayList<>();
        final AtomicInteger streamsOpen = new AtomicInteger();
        final AtomicInteger streamsEndedByServer = new AtomicInteger();
        final AtomicInteger unrevealed = new AtomicInteger();
        Process server;
        volatile long loadStarted;
        volatile long loadEnds;
        double checkBefore;
        double checkAfter;

        Soak(String database, Path work, String url, String user, String schema) throws IOException {
            this.database = database;
            this.work = work;
            this.url = url;
            this.user = user;
            this.schema = schema;
            this.port = Integer.getInteger("port", freePort());
            this.base = "http://127.0.0.1:" + port;
        }

        String run() throws Exception {
            System.out.printf("== %s: %d teams of 1 + %d for %d minutes%n", database, TEAMS, MEMBERS, MINUTES);
            Files.createDirectories(work.resolve("tmp"));
            var teams = new ArrayList<Team>();
            start("seed.log");
            try {
                for (int t = 0; t < TEAMS; t++) {
                    teams.add(new Team(this, t));
                }
                seed(teams);
            }
            finally {
                stop();
            }
            // counted on the stopped database: an H2 file is open to one process only
            var before = tables();
            var foldersBefore = folders();
            checkBefore = passwordCheck();
            start("soak.log");
            try {
                loadStarted = System.nanoTime();
                loadEnds = loadStarted + TimeUnit.MINUTES.toNanos(MINUTES);
                var sampler = Thread.ofPlatform().daemon().start(this::sample);
                try (var meetings = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (var team : teams) {
                        meetings.submit(team::meet);
                    }
                }
                sampler.interrupt();
                sample(minute());
                checkAfter = passwordCheck();
            }
            finally {
                stop();
            }
            var after = tables();
            var foldersAfter = folders();
            return report(before, after, foldersBefore, foldersAfter);
        }

        boolean over() {
            return System.nanoTime() >= loadEnds;
        }

        double minute() {
            return (System.nanoTime() - loadStarted) / 60e9;
        }

        void start(String log) throws Exception {
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var command = new ArrayList<>(List.of(java, "-Xmx" + HEAP, "-Djava.io.tmpdir=" + work.resolve("tmp"), "-cp",
                    classpath(), "dev.refinery.RefineryApplication", "--server.port=" + port,
                    "--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=",
                    "--refinery.admin.email=" + ADMIN, "--refinery.admin.password=" + PASSWORD,
                    "--management.endpoint.health.probes.enabled=true", "--management.endpoints.web.exposure.include=health,metrics",
                    "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
            command.addAll(POOL);
            if (schema != null) {
                command.add("--spring.flyway.schemas=" + schema);
            }
            server = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile()).start();
            var process = server;
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            for (int i = 0; i < 240; i++) {
                try {
                    if (CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                }
                catch (IOException notYet) {
                    // not listening yet
                }
                if (!server.isAlive()) {
                    throw new IllegalStateException("The server stopped; see " + work.resolve(log));
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("The server was not ready after 2 minutes; see " + work.resolve(log));
        }

        /** This JVM's class path with absolute entries: the server runs in its working folder. */
        static String classpath() {
            return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        }

        void stop() throws InterruptedException {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                System.out.println("The server did not stop within 60 s of SIGTERM: killed");
                server.destroyForcibly().waitFor();
            }
        }

        /** Accounts (by the administrator, through the API), teams and their first items, four teams at a time. */
        void seed(List<Team> teams) throws Exception {
            var started = System.nanoTime();
            var gate = new Semaphore(4);
            try (var seeding = Executors.newVirtualThreadPerTaskExecutor()) {
                for (var team : teams) {
                    seeding.submit(() -> {
                        gate.acquire();
                        try {
                            team.seed();
                        }
                        finally {
                            gate.release();
                        }
                        return null;
                    });
                }
            }
            if (recorder.errorCount() > 0) {
                throw new IllegalStateException("Seeding failed: " + recorder.errors + " " + recorder.firstBodies);
            }
            System.out.printf("seeded %d teams in %.0f s%n", teams.size(), (System.nanoTime() - started) / 1e9);
        }

        void sample() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(Math.min(30_000, WINDOW * 60_000L / 4));
                    sample(minute());
                }
            }
            catch (InterruptedException done) {
                // the load is over
            }
        }

        void sample(double at) {
            var sample = new Sample(at, heap(), rss(server), streamsOpen.get(), load());
            samples.add(sample);
            System.out.printf(Locale.ROOT, "%5.1f min: %,d requests, %d errors, heap %d MiB, RSS %d MiB, %d streams open, load %s%n", at,
                    recorder.count(), recorder.errorCount(), sample.heapMib(), sample.rssMib(), sample.streams(), sample.load());
        }

        /**
         * The server's heap in use, from jcmd GC.heap_info: it answers however busy the server is, where the
         * actuator's metric waited behind the load's requests for 30 s and more. The actuator's when jcmd fails.
         */
        long heap() {
            try {
                var jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(server.pid()),
                        "GC.heap_info").redirectErrorStream(true).start();
                var output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                jcmd.waitFor(30, TimeUnit.SECONDS);
                var used = java.util.regex.Pattern.compile("heap .*used (\\d+)K").matcher(output);
                if (used.find()) {
                    return Long.parseLong(used.group(1)) / 1024;
                }
            }
            catch (IOException | InterruptedException failed) {
                // the actuator then
            }
            try {
                var response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                    .header("Authorization", basic(ADMIN)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return (long) (JSON.readTree(response.body()).path("measurements").get(0).path("value").asDouble() / (1024 * 1024));
                }
            }
            catch (IOException | InterruptedException unanswered) {
                // unknown
            }
            return -1;
        }

        /** Every table's rows (and on PostgreSQL its size on disk), read while the server is stopped. */
        Map<String, long[]> tables() throws Exception {
            var counts = new TreeMap<String, long[]>();
            try (var connection = DriverManager.getConnection(url, user, "")) {
                var names = new ArrayList<String>();
                try (var statement = connection.prepareStatement("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = ? AND table_type = 'BASE TABLE'
                        """)) {
                    statement.setString(1, schema == null ? "public" : schema);
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            names.add(rows.getString(1));
                        }
                    }
                }
                for (var name : names) {
                    try (var statement = connection.createStatement();
                            var rows = statement.executeQuery("SELECT count(*) FROM " + name)) {
                        rows.next();
                        counts.put(name, new long[] { rows.getLong(1), -1 });
                    }
                    if (schema != null) {
                        try (var statement = connection.createStatement(); var rows = statement.executeQuery(
                                "SELECT pg_total_relation_size('" + schema + "." + name + "')")) {
                            rows.next();
                            counts.get(name)[1] = rows.getLong(1);
                        }
                    }
                }
            }
            return counts;
        }

        /** The bytes in the server's working folder (its H2 files) and in its temporary folder (Jetty's, uploads). */
        Map<String, Long> folders() throws IOException {
            var sizes = new LinkedHashMap<String, Long>();
            if (schema == null) {
                sizes.put("H2 file (refinery.mv.db)", Files.size(work.resolve("data").resolve("refinery.mv.db")));
                sizes.put("data folder", size(work.resolve("data")));
            }
            sizes.put("temporary folder (java.io.tmpdir)", size(work.resolve("tmp")));
            return sizes;
        }

        String report(Map<String, long[]> before, Map<String, long[]> after, Map<String, Long> foldersBefore,
                Map<String, Long> foldersAfter) {
            var out = new StringBuilder();
            out.append("### ").append(database).append("\n\n");
            out.append(String.format(Locale.ROOT, "%,d requests in %d minutes, %,d errors; %,d streams opened, %,d ended by the server "
                    + "while their meeting went on; %,d rounds in which everybody had voted were not revealed by themselves.%n%n",
                    recorder.count(), MINUTES, recorder.errorCount(), recorder.streamsOpened.get(), streamsEndedByServer.get(),
                    unrevealed.get()));
            out.append(String.format(Locale.ROOT, "One password check (BCrypt, as the server makes one for every API request with "
                    + "HTTP Basic) took %.0f ms in the benchmark's JVM before the load and %.0f ms at its end, with the server and the "
                    + "load running.%n%n", checkBefore, checkAfter));
            if (recorder.errorCount() > 0) {
                out.append("| errors: request | answer | count |\n|---|---|---|\n");
                recorder.errors.forEach((key, count) -> out.append("| ").append(key.replace("|", "/")).append(" | ").append(count)
                    .append(" |\n"));
                out.append("\nThe first answers of each (windows count from 0):\n\n");
                recorder.firstBodies.forEach((key, bodies) -> bodies.forEach(body -> out.append("- ").append(key.replace("|", "/"))
                    .append(", ").append(body.replace("\n", " ").replace("|", "/")).append("\n")));
                out.append("\n");
            }
            out.append("Server memory over time (heap used from `jcmd PID GC.heap_info`, RSS from ")
                .append("`/proc/PID/status`; streams open as the participants hold them):\n\n");
            out.append("| minute | heap used | RSS | streams open | machine's load average |\n|---|---|---|---|---|\n");
            for (var sample : samples) {
                out.append(String.format(Locale.ROOT, "| %.1f | %d MiB | %d MiB | %d | %s |%n", sample.minute(), sample.heapMib(),
                        sample.rssMib(), sample.streams(), sample.load()));
            }
            out.append("\n");
            for (var window : recorder.windows.keySet()) {
                var from = window * WINDOW;
                out.append("Minutes ").append(from).append(" to ").append(Math.min(MINUTES, from + WINDOW)).append(":\n\n");
                out.append("| request | count | p50 | p99 | max | errors |\n|---|---|---|---|---|---|\n");
                for (var kind : new TreeMap<>(recorder.windows.get(window)).entrySet()) {
                    var times = kind.getValue().sorted();
                    var errors = recorder.windowErrors.getOrDefault(window + " " + kind.getKey(), new AtomicInteger()).get();
                    out.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %d |%n", kind.getKey(), times.length,
                            ms(percentile(times, 0.5)), ms(percentile(times, 0.99)), ms(times.length == 0 ? 0 : times[times.length - 1]), errors));
                }
                out.append("\n");
            }
            out.append("Tables, counted with the server stopped, after the seeding (start) and after the soak (end)");
            out.append(schema == null ? ":\n\n| table | rows at the start | rows at the end |\n|---|---|---|\n"
                    : " (size: `pg_total_relation_size`):\n\n| table | rows at the start | rows at the end | size at the start | size at the end |\n|---|---|---|---|---|\n");
            for (var table : after.keySet()) {
                var start = before.getOrDefault(table, new long[] { 0, 0 });
                var end = after.get(table);
                out.append(String.format(Locale.ROOT, "| %s | %,d | %,d |", table, start[0], end[0]));
                if (schema != null) {
                    out.append(String.format(Locale.ROOT, " %s | %s |", kib(start[1]), kib(end[1])));
                }
                out.append("\n");
            }
            out.append("\n| files | at the start | at the end |\n|---|---|---|\n");
            for (var folder : foldersAfter.keySet()) {
                out.append("| ").append(folder).append(" | ").append(kib(foldersBefore.getOrDefault(folder, 0L))).append(" | ")
                    .append(kib(foldersAfter.get(folder))).append(" |\n");
            }
            out.append("\n");
            System.out.println(out);
            return out.toString();
        }

        /** A request of a kind: its time goes to the window it started in; anything but 2xx and 3xx is an error. */
        HttpResponse<String> call(String kind, HttpRequest request) {
            var started = System.nanoTime();
            recorder.requests.incrementAndGet();
            try {
                var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                recorder.record(window(started), kind, System.nanoTime() - started, response.statusCode() >= 400 ? response.statusCode() + ""
                        : null, response.body());
                return response;
            }
            catch (IOException failed) {
                recorder.record(window(started), kind, System.nanoTime() - started, failed.getClass().getSimpleName(), failed.getMessage());
                return null;
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        int window(long nanos) {
            return loadStarted == 0 ? -1 : (int) ((nanos - loadStarted) / TimeUnit.MINUTES.toNanos(WINDOW));
        }
    }

    /** What each kind of request took, per window, and what went wrong. */
    static final class Recorder {

        final Map<Integer, Map<String, Times>> windows = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> windowErrors = new ConcurrentHashMap<>();
        final Map<String, List<String>> firstBodies = new ConcurrentHashMap<>();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong streamsOpened = new AtomicLong();

        void record(int window, String kind, long nanos, String error, String body) {
            if (window >= 0 && window * WINDOW < MINUTES) {
                windows.computeIfAbsent(window, w -> new ConcurrentHashMap<>()).computeIfAbsent(kind, k -> new Times()).add(nanos);
            }
            if (error != null) {
                error(window, kind, error, body);
            }
        }

        void error(int window, String kind, String error, String body) {
            errors.computeIfAbsent(kind + " | " + error, k -> new AtomicInteger()).incrementAndGet();
            windowErrors.computeIfAbsent(window + " " + kind, k -> new AtomicInteger()).incrementAndGet();
            var bodies = firstBodies.computeIfAbsent(kind + " | " + error, k -> new CopyOnWriteArrayList<>());
            if (bodies.size() < 2) {
                bodies.add(String.format(Locale.ROOT, "in window %d: %s", window, body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body));
            }
        }

        long count() {
            return requests.get();
        }

        int errorCount() {
            return errors.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    static final class Times {

        private long[] values = new long[64];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long[] sorted() {
            var copy = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(copy);
            return copy;
        }
    }

    record Sample(double minute, long heapMib, long rssMib, int streams, String load) {
    }

    /** The machine's load average over the last minute: others' work on it shows here. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (IOException notLinux) {
            return "";
        }
    }

    /**
     * Milliseconds one check of a password takes here now, as the server makes it for every API request with HTTP
     * Basic (BCrypt, Spring Security's default strength): a measure of how busy the machine is.
     */
    static double passwordCheck() {
        var encoder = org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var hash = encoder.encode(PASSWORD);
        encoder.matches(PASSWORD, hash);
        var started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            encoder.matches(PASSWORD, hash);
        }
        return (System.nanoTime() - started) / 10 / 1e6;
    }

    /** A person: their address, and the session cookie and CSRF token of their browser once signed in. */
    static final class Person {

        final String email;
        final String name;
        volatile String cookie = "";
        volatile String csrf = "";

        Person(String email, String name) {
            this.email = email;
            this.name = name;
        }
    }

    /** A team meeting week after week: a facilitator and the members. */
    static final class Team {

        final Soak soak;
        final String key;
        final Person facilitator;
        final List<Person> members = new ArrayList<>();
        final List<Person> everybody = new ArrayList<>();
        final List<String> estimated = Collections.synchronizedList(new ArrayList<>());

        Team(Soak soak, int index) {
            this.soak = soak;
            this.key = "SK" + (char) ('A' + index / 26 % 26) + (char) ('A' + index % 26) + (index >= 676 ? "Z" + index / 676 : "");
            this.facilitator = new Person("facilitator-" + key.toLowerCase(Locale.ROOT) + "@soak.test", "Facilitator " + key);
            everybody.add(facilitator);
            for (int m = 0; m < MEMBERS; m++) {
                var member = new Person("member-" + m + "-" + key.toLowerCase(Locale.ROOT) + "@soak.test", "Member " + m + " " + key);
                members.add(member);
                everybody.add(member);
            }
        }

        String api() {
            return "/api/v1/teams/" + key;
        }

        void seed() {
            for (var person : everybody) {
                json(ADMIN, "create account", "POST", "/api/v1/users", """
                        {"email": "%s", "displayName": "%s", "password": "%s"}""".formatted(person.email, person.name, PASSWORD));
            }
            json(facilitator.email, "create team", "POST", "/api/v1/teams", "{\"name\": \"Soak %s\", \"key\": \"%s\"}".formatted(key, key));
            for (var member : members) {
                json(facilitator.email, "add member", "POST", api() + "/members", "{\"email\": \"%s\", \"role\": \"engineer\"}"
                    .formatted(member.email));
            }
            for (int i = 0; i < 10; i++) {
                createItem("Seeded story " + i);
            }
        }

        /** Sessions one after the other until the time is up. */
        void meet() {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(1, (long) (10_000 * THINK) + 2));
                for (int meeting = 1; !soak.over(); meeting++) {
                    session(meeting);
                    if (meeting % 3 == 1 && !soak.over()) {
                        importCsv(meeting);
                    }
                    pause(2000, 5000);
                }
            }
            catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            catch (RuntimeException failed) {
                System.out.println(key + " stopped meeting: " + failed);
            }
        }

        void session(int meeting) throws InterruptedException {
            // a week later: everybody signs in again in the browser, as a new HTTP session
            for (var person : everybody) {
                signIn(person);
            }
            var keys = new ArrayList<String>();
            for (int i = 1; i <= 3; i++) {
                var item = createItem("Story " + meeting + "." + i + " of " + key);
                if (item != null) {
                    keys.add(item);
                }
                pause(300, 1000);
            }
            if (keys.isEmpty()) {
                return;
            }
            var created = json(facilitator.email, "plan session", "POST", api() + "/sessions",
                    "{\"title\": \"Refinement %d\", \"startsAt\": \"%s\", \"durationMinutes\": \"60\"}".formatted(meeting,
                            LocalDateTime.now().plusDays(meeting * 7L).truncatedTo(ChronoUnit.MINUTES)));
            if (created == null) {
                return;
            }
            var session = location(created);
            var meetingPath = api() + "/sessions/" + session;
            json(facilitator.email, "set agenda", "PUT", meetingPath + "/agenda", "{\"items\": [%s]}".formatted(String.join(", ",
                    keys.stream().map(k -> "{\"key\": \"" + k + "\"}").toList())));
            if (meeting % 2 == 1) {
                form(facilitator, "guest link", "/teams/" + key + "/sessions/" + session + "/guest-link");
            }
            var streams = new ArrayList<Stream>();
            try {
                for (var person : everybody) {
                    page(person, "session page", "/teams/" + key + "/sessions/" + session);
                    streams.add(new Stream(soak, person, "/teams/" + key + "/live/session-" + session));
                }
                json(facilitator.email, "start session", "POST", meetingPath + "/start", "{}");
                var walked = 0;
                for (; walked < keys.size() && !soak.over(); walked++) {
                    refine(meetingPath, session, keys.get(walked), walked);
                }
                // as a facilitator does when time runs out before the agenda's end: the rest carries over
                json(facilitator.email, "close session", "POST", meetingPath + "/close", walked == keys.size() ? "{}"
                        : "{\"note\": \"Out of time.\"}");
            }
            finally {
                streams.forEach(Stream::close);
            }
        }

        void refine(String meetingPath, String session, String item, int position) throws InterruptedException {
            var random = ThreadLocalRandom.current();
            if (position > 0) {
                json(facilitator.email, "move to next item", "PUT", meetingPath + "/current", "{\"itemKey\": \"%s\"}".formatted(item));
            }
            for (var member : members) {
                page(member, "room fragment", "/teams/" + key + "/sessions/" + session + "/room");
            }
            var rounds = api() + "/items/" + item + "/rounds";
            var opened = json(facilitator.email, "open round", "POST", rounds, "{}");
            if (opened == null) {
                return;
            }
            var roundId = location(opened);
            var round = rounds + "/" + roundId;
            var base = random.nextInt(CARDS.size() - 1);
            try (var voting = Executors.newVirtualThreadPerTaskExecutor()) {
                for (var person : everybody) {
                    voting.submit(() -> {
                        pause(1000, 8000);
                        var card = CARDS.get(Math.min(CARDS.size() - 1, base + ThreadLocalRandom.current().nextInt(2)));
                        if (person == facilitator) {
                            json(person.email, "vote (API)", "PUT", round + "/votes/me", "{\"card\": \"%s\"}".formatted(card));
                        }
                        else {
                            form(person, "vote (poker page)", "/teams/" + key + "/items/" + item + "/poker/vote", "round", roundId, "card", card);
                        }
                        return null;
                    });
                }
            }
            var read = json(facilitator.email, "read round", "GET", round, null);
            if (read != null && !read.body().contains("\"revealed\"")) {
                soak.unrevealed.incrementAndGet();
                json(facilitator.email, "reveal", "POST", round + "/reveal", "{}");
            }
            pause(500, 2000);
            json(facilitator.email, "agree", "POST", round + "/agree", "{\"card\": \"%s\"}".formatted(CARDS.get(base)));
            var current = json(facilitator.email, "read item", "GET", api() + "/items/" + item, null);
            if (current != null) {
                var etag = current.headers().firstValue("ETag").orElse("\"0\"");
                soak.call("edit item (If-Match)", request(facilitator.email, api() + "/items/" + item).header("Content-Type", "application/json")
                    .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.ofString(
                            "{\"description\": \"Refined in session %s: the team agreed on %s.\"}".formatted(session, CARDS.get(base))))
                    .build());
            }
            var asker = members.get(random.nextInt(members.size()));
            form(asker, "ask question (room page)", "/teams/" + key + "/sessions/" + session + "/questions", "question", "What about " + item + "?");
            var asked = json(facilitator.email, "read room (API)", "GET", meetingPath + "/room", null);
            if (asked != null) {
                var questions = JSON.readTree(asked.body()).path("questions");
                if (questions.size() > 0) {
                    var question = questions.get(questions.size() - 1).path("id").asLong();
                    pause(500, 2000);
                    json(facilitator.email, "answer question", "POST", meetingPath + "/questions/" + question + "/answer",
                            "{\"answer\": \"As agreed.\", \"fold\": \"criterion\"}");
                }
            }
            json(facilitator.email, "set outcome", "PUT", meetingPath + "/outcomes/" + item, "{\"outcome\": \"estimated\"}");
            estimated.add(item);
            var browser = members.get(random.nextInt(members.size()));
            page(browser, "queue page", "/teams/" + key + "/queue");
            page(browser, "backlog page", "/teams/" + key + "/backlog");
            json(browser.email, "queue (API)", "GET", api() + "/queue", null);
            if (position % 2 == 0 && estimated.size() > 1) {
                var above = estimated.get(random.nextInt(estimated.size() - 1));
                json(facilitator.email, "pin", "PUT", api() + "/items/" + item + "/pin", "{\"above\": \"%s\"}".formatted(above));
            }
            pause(1000, 3000);
        }

        /** Twenty rows of a spreadsheet, through the import API, and its status until done. */
        void importCsv(int meeting) throws InterruptedException {
            var csv = new StringBuilder("Title,Points\r\n");
            for (int i = 1; i <= 20; i++) {
                csv.append("Imported ").append(meeting).append('.').append(i).append(" of ").append(key).append(',')
                    .append(CARDS.get(i % CARDS.size())).append("\r\n");
            }
            var boundary = "soak" + System.nanoTime();
            var body = """
                    --%1$s\r
                    Content-Disposition: form-data; name="format"\r
                    \r
                    csv\r
                    --%1$s\r
                    Content-Disposition: form-data; name="mapping"\r
                    \r
                    {"Title": "title", "Points": "estimate"}\r
                    --%1$s\r
                    Content-Disposition: form-data; name="file"; filename="items.csv"\r
                    Content-Type: text/csv\r
                    \r
                    %2$s\r
                    --%1$s--\r
                    """.formatted(boundary, csv);
            var started = System.nanoTime();
            var posted = soak.call("import CSV (upload)", request(facilitator.email, api() + "/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
            if (posted == null || posted.statusCode() != 202) {
                return;
            }
            var id = JSON.readTree(posted.body()).path("id").asLong();
            for (int polls = 0; polls < 120; polls++) {
                Thread.sleep(500);
                var status = json(facilitator.email, "import status", "GET", api() + "/imports/" + id, null);
                if (status == null) {
                    return;
                }
                var state = JSON.readTree(status.body()).path("status").asString();
                if (state.equals("done")) {
                    soak.recorder.record(soak.window(started), "import CSV (until done)", System.nanoTime() - started, null, null);
                    return;
                }
                if (!List.of("queued", "checking", "importing").contains(state)) {
                    soak.recorder.record(soak.window(started), "import CSV (until done)", System.nanoTime() - started, state, status.body());
                    return;
                }
            }
            soak.recorder.record(soak.window(started), "import CSV (until done)", System.nanoTime() - started, "not done in 60 s", null);
        }

        String createItem(String title) {
            var created = json(facilitator.email, "create item", "POST", api() + "/items", """
                    {"title": "%s", "status": "needs-refinement", "importance": {"businessValue": %d, "timeCriticality": %d,
                     "riskReduction": %d}}""".formatted(title, 1 + ThreadLocalRandom.current().nextInt(10),
                    1 + ThreadLocalRandom.current().nextInt(8), 1 + ThreadLocalRandom.current().nextInt(5)));
            return created == null ? null : JSON.readTree(created.body()).path("key").asString();
        }

        /** A call to the API with HTTP Basic, as scripts and integrations make them. */
        HttpResponse<String> json(String who, String kind, String method, String path, String body) {
            var request = request(who, path);
            if (body != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            var response = soak.call(kind, request.build());
            return response == null || response.statusCode() >= 400 ? null : response;
        }

        HttpRequest.Builder request(String who, String path) {
            return HttpRequest.newBuilder(URI.create(soak.base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(who)).header("Accept", "application/json");
        }

        /** Signs in through the form as a browser does: the session cookie and the CSRF token of its pages. */
        void signIn(Person person) {
            var form = soak.call("sign-in form", HttpRequest.newBuilder(URI.create(soak.base + "/sign-in")).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html").build());
            if (form == null) {
                return;
            }
            var cookie = cookie(form, "");
            var posted = soak.call("sign in", HttpRequest.newBuilder(URI.create(soak.base + "/sign-in")).timeout(Duration.ofSeconds(60))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf(form.body())) + "&email=" + encode(person.email)
                        + "&password=" + encode(PASSWORD)))
                .build());
            if (posted == null) {
                return;
            }
            if (!posted.headers().firstValue("Location").orElse("").matches(".*/(\\?.*)?$")) {
                soak.recorder.error(soak.window(System.nanoTime()), "sign in", "not signed in",
                        posted.headers().firstValue("Location").orElse(""));
                return;
            }
            person.cookie = cookie(posted, cookie);
            // a page that did not load is loaded again, as its reader would; its CSRF token is the new session's
            for (int attempt = 0; attempt < 3; attempt++) {
                var home = page(person, "home page", "/");
                if (home != null && home.statusCode() == 200) {
                    person.csrf = csrf(home.body());
                    return;
                }
            }
        }

        HttpResponse<String> page(Person person, String kind, String path) {
            var request = HttpRequest.newBuilder(URI.create(soak.base + path)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
                .header("Cookie", person.cookie);
            if (path.endsWith("/room")) {
                request.header("HX-Request", "true");
            }
            return soak.call(kind, request.build());
        }

        /** A form posted from a page as htmx posts it; a page that answers with an error message is an error too. */
        void form(Person person, String kind, String path, String... fields) {
            var form = new StringBuilder("_csrf=" + encode(person.csrf));
            for (int i = 0; i < fields.length; i += 2) {
                form.append('&').append(fields[i]).append('=').append(encode(fields[i + 1]));
            }
            var started = System.nanoTime();
            var response = soak.call(kind, HttpRequest.newBuilder(URI.create(soak.base + path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", person.cookie).header("HX-Request", "true").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
            if (response != null && response.statusCode() < 400) {
                var refused = java.util.regex.Pattern.compile("class=\"[^\"]*error[^\"]*\" role=\"alert\">([^<]*)<").matcher(response.body());
                if (refused.find()) {
                    soak.recorder.error(soak.window(started), kind, "refused on the page", refused.group(1));
                }
            }
        }

        static String cookie(HttpResponse<?> response, String otherwise) {
            return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).map(c -> c.split(";", 2)[0])
                .findFirst().orElse(otherwise);
        }

        static String csrf(String page) {
            var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            return matcher.find() ? matcher.group(1) : "";
        }

        static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        static void pause(long fromMillis, long toMillis) throws InterruptedException {
            Thread.sleep((long) (ThreadLocalRandom.current().nextLong(fromMillis, toMillis) * THINK));
        }
    }

    /** A participant's open live stream: the time to its first event is recorded, and whether the server ended it. */
    static final class Stream {

        final Soak soak;
        final Thread reader;
        volatile InputStream body;
        volatile boolean closed;

        Stream(Soak soak, Person person, String path) {
            this.soak = soak;
            var request = HttpRequest.newBuilder(URI.create(soak.base + path)).header("Accept", "text/event-stream")
                .header("Cookie", person.cookie).build();
            reader = Thread.ofVirtual().start(() -> read(request));
        }

        private void read(HttpRequest request) {
            var started = System.nanoTime();
            soak.recorder.requests.incrementAndGet();
            try {
                var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() != 200) {
                    soak.recorder.record(soak.window(started), "live stream (first event)", System.nanoTime() - started,
                            response.statusCode() + "", new String(response.body().readNBytes(300), StandardCharsets.UTF_8));
                    response.body().close();
                    return;
                }
                soak.recorder.streamsOpened.incrementAndGet();
                soak.streamsOpen.incrementAndGet();
                try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    var first = true;
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.isEmpty() && first) {
                            first = false;
                            soak.recorder.record(soak.window(started), "live stream (first event)", System.nanoTime() - started, null, null);
                        }
                    }
                }
                finally {
                    soak.streamsOpen.decrementAndGet();
                }
                if (!closed) {
                    soak.streamsEndedByServer.incrementAndGet();
                }
            }
            catch (IOException failed) {
                if (!closed) {
                    soak.recorder.record(soak.window(started), "live stream (first event)", System.nanoTime() - started,
                            failed.getClass().getSimpleName(), failed.getMessage());
                }
            }
            catch (InterruptedException stopped) {
                // closed by the benchmark
            }
        }

        void close() {
            closed = true;
            reader.interrupt();
            var open = body;
            if (open != null) {
                try {
                    open.close();
                }
                catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
    }

    static String basic(String who) {
        return "Basic " + Base64.getEncoder().encodeToString((who + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String kib(long bytes) {
        if (bytes < 0) {
            return "";
        }
        return bytes >= 10L * 1024 * 1024 ? String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024))
                : String.format(Locale.ROOT, "%,d KiB", bytes / 1024);
    }

    static long size(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (var paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                }
                catch (IOException gone) {
                    return 0;
                }
            }).sum();
        }
    }

    static long rss(Process process) {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        }
        catch (IOException gone) {
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void write(List<String> sections) throws IOException {
        var section = new StringBuilder("<!-- soak:start -->\n## Soak: teams meeting at once for a long time\n\n");
        section.append("Run `bench/run soak -Dminutes=").append(MINUTES).append(" -Dteams=").append(TEAMS).append("` (").append(LocalDate.now())
            .append("), on ").append(Machine.describe()).append(".\n\n");
        section.append(String.format(Locale.ROOT, "The application in a JVM of its own (`-Xmx%s`), the pool renewing every connection "
                + "(`%s`), %d teams at once, each a facilitator and %d members. The load runs in the benchmark's JVM on the same "
                + "machine, over loopback. Each team meets session after session: everybody signs in through the form (a new HTTP "
                + "session each week), the facilitator writes three items and plans a session with them (a guest link every other "
                + "one), everybody opens the session page and its live stream, the facilitator starts it; per item the members "
                + "load the room, the facilitator opens a poker round, everybody votes after 1 to 8 s of thought (the members on the "
                + "poker page, the facilitator through the API), the facilitator reads the round (and reveals it if it did not "
                + "reveal itself), agrees, reads and edits the item with If-Match, a member asks a question from the room page "
                + "that the facilitator answers, the outcome is set, a member browses the queue page, the backlog page and the "
                + "queue's API, and every other item is pinned; the session is closed and every third one (the first included) "
                + "followed by a CSV import of 20 rows. The facilitator works through the API with HTTP Basic; the members' pages, "
                + "forms (with their CSRF token, as htmx posts them) and streams use their session cookie. Every answer other than "
                + "2xx or 3xx is an error, and so is a form answered with an error message. Times are the client's, by the window "
                + "in which a request "
                + "started.%n%n", HEAP, String.join(" ", POOL), TEAMS, MEMBERS));
        for (var part : sections) {
            section.append(part);
        }
        section.append("<!-- soak:end -->\n");
        Machine.replaceSection(Path.of("docs/benchmarks.md"), "soak", section.toString());
    }
}
