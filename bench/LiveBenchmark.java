import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live meeting against the physical limit: participants' SSE streams into one meeting (N = 10, 100, 1000)
 * and R meetings of 10 (R = 100, 1000), votes cast through the application's own vote endpoint, and the time
 * until every participant has seen each vote. The same run measures a bare SseEmitter fan-out (BareFanout)
 * under the same load at the same time, vote by vote, and reports Refinery's figures as a ratio to it. Both
 * servers run in processes of their own, so their memory (RSS) is theirs alone. JDK only.
 */
public class LiveBenchmark {

    static final String ADMIN = "bench@refinery.test";
    static final String PASSWORD = "benchmark password";
    static final int VOTERS = 10;
    static final int VOTES = Integer.getInteger("votes", 200);
    /** Votes each server takes before the first row, uncounted: until then the JIT is still compiling the vote's path. */
    static final int WARM_UP = Integer.getInteger("warmup", 2000);
    /**
     * Each server's heap, the same for both, and as when they ran on Tomcat, whose connection buffers for 10,000 open
     * streams took about 800 MB of it. On Jetty, Refinery's whole live heap with those streams open is about 250 MB,
     * and 512 MB are enough. A small young generation leaves the rest to what stays.
     */
    static final List<String> HEAP = List.of("-Xmx" + System.getProperty("heap", "1200m"), "-Xmn128m", "-XX:+UseSerialGC");

    /** Streams of both servers together up to which a load is measured on both at once (see {@link #both}). */
    static final int SIDE_BY_SIDE = 15_000;

    record Figures(double median, double p99, long bytesPerVote, long rssMib) {
    }

    public static void main(String[] args) throws Exception {
        var classpath = System.getProperty("java.class.path");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var work = Files.createTempDirectory("refinery-live-bench");
        var results = new ArrayList<String[]>();

        var barePort = freePort();
        var bare = start(concat(List.of(java), HEAP, List.of("-cp", classpath, "bench/BareFanout.java", "--server.port=" + barePort,
                "--server.jetty.max-connections=20000", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--spring.autoconfigure.exclude=" + String.join(",", EXCLUDED))), work.resolve("bare.log"));
        var port = freePort();
        var refinery = start(concat(List.of(java), HEAP, List.of("-cp", classpath, "dev.refinery.RefineryApplication",
                "--server.port=" + port, "--management.endpoint.health.probes.enabled=true", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off", "--refinery.admin.email=" + ADMIN, "--refinery.admin.password=" + PASSWORD,
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("live") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64")),
                work.resolve("refinery.log"));
        // the servers go with the benchmark, also when it is interrupted
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(refinery);
            stop(bare);
        }));
        try {
            await("http://127.0.0.1:" + barePort + "/", false);
            // ready only once the first administrator exists: the web server answers a few seconds before that
            await("http://127.0.0.1:" + port + "/actuator/health/readiness", true);
            var app = new App("http://127.0.0.1:" + port, refinery);
            // an item of its own for each meeting of each load, and one to warm up
            app.seed(1 + loads("participants", "10,100,1000").length + Arrays.stream(loads("meetings", "100,1000")).sum());

            measure(results, app, new Bare("http://127.0.0.1:" + barePort, bare, HttpClient.newHttpClient()));
        }
        catch (IllegalStateException failed) {
            // the rows measured so far are written, with the one that failed and why
            System.out.println("Stopped: " + failed.getMessage());
            results.add(new String[] { "stopped at the next load", failed.getMessage(), "", "", "", "", "", rss(refinery) + " MiB", "" });
        }
        finally {
            stop(refinery);
            stop(bare);
        }
        write(results);
        if (results.stream().anyMatch(row -> row[0].startsWith("stopped"))) {
            System.out.println("The servers' logs are in " + work);
        }
        else {
            Machine.remove(work);
        }
    }

    static void measure(List<String[]> results, App app, Bare bare) throws Exception {
        // each load votes on items of its own: a round whose present voters have all voted reveals, and it does
        // when the participants of the load before leave one by one
        var item = 0;
        // both servers first take votes in a meeting of 10, uncounted: the rows do not measure the JIT warming up
        both(app, bare, List.of(++item), 10, WARM_UP);
        for (var n : loads("participants", "10,100,1000")) {
            row(results, "1 meeting, " + n + " participants", both(app, bare, List.of(++item), n, VOTES));
        }
        for (var r : loads("meetings", "100,1000")) {
            var rooms = new ArrayList<Integer>();
            for (int i = 0; i < r; i++) {
                rooms.add(++item);
            }
            row(results, r + " meetings of 10", both(app, bare, rooms, 10, VOTES));
        }
    }

    /** Refinery's figures beside the bare fan-out's under the same load, as the console and the table show them. */
    static void row(List<String[]> results, String load, Figures[] figures) throws Exception {
        var ours = figures[0];
        var theirs = figures[1];
        System.out.printf(Locale.ROOT, "%s: refinery median %.1f ms p99 %.1f ms, %d B/vote, RSS %d MiB%n", load, ours.median(),
                ours.p99(), ours.bytesPerVote(), ours.rssMib());
        System.out.printf(Locale.ROOT, "    bare median %.1f ms p99 %.1f ms, RSS %d MiB%n", theirs.median(), theirs.p99(),
                theirs.rssMib());
        results.add(new String[] { load, ms(ours.median()), ms(ours.p99()), ms(theirs.median()), ms(theirs.p99()),
                ratio(ours.median(), theirs.median()), String.format(Locale.ROOT, "%,d B", ours.bytesPerVote()),
                ours.rssMib() + " MiB", theirs.rssMib() + " MiB" });
        write(results);
    }

    /**
     * Both servers under the same load at the same time: each has the load's streams open, and each vote goes to
     * Refinery, then, once all of that room have it, to the same room of the bare fan-out. So both are measured on
     * the machine as it is at that moment: measured one after the other, a minute apart, the medians of the same
     * code differed by up to 1.7 times on this machine with nothing else running. A load too large for both at once
     * (this machine lets a process open 20,000 files, and 1,000 meetings of 10 on each server need as many streams)
     * is measured on one server after the other, with the same votes.
     */
    static Figures[] both(App app, Bare bare, List<Integer> rooms, int n, int votes) throws Exception {
        var together = 2 * rooms.size() * n <= SIDE_BY_SIDE;
        var random = new java.util.Random(7);
        var roomOf = new int[votes];
        for (int v = 0; v < votes; v++) {
            roomOf[v] = random.nextInt(rooms.size());
        }
        var ourTimes = new double[votes];
        var theirTimes = new double[votes];
        long bytes = 0;
        List<Stream> ours = List.of();
        List<Stream> theirs = List.of();
        try {
            ours = open("Refinery", rooms.size(), n, (room, i) -> new Stream(app.base + "/teams/BENCH/live/poker-" + rooms.get(room),
                    app.voterCookies.get(i % VOTERS), room));
            if (together) {
                // once the first server's streams all have their answer: a connection storm at one server at a time
                theirs = open("The bare fan-out", rooms.size(), n, (room, i) -> new Stream(bare.base + "/stream?room=" + room, "none=1", room));
            }
            // the joins are announced to the rooms a moment later: votes start once those have settled
            Thread.sleep(500 + (ours.size() + theirs.size()) / 2);
            for (int v = 0; v < votes; v++) {
                var room = roomOf[v];
                var item = rooms.get(room);
                var voter = v % 2;
                var card = v % 4 < 2 ? "3" : "5";
                ourTimes[v] = untilAllHaveIt(ours, room, () -> app.post(app.voters.get(voter), "/teams/BENCH/items/BENCH-" + item
                        + "/poker/vote", app.voterCsrf.get(voter), "round", Long.toString(app.roundOf(item)), "card", card));
                for (var stream : ours) {
                    if (stream.room == room) {
                        bytes += stream.lastBytes.get();
                    }
                }
                if (together) {
                    theirTimes[v] = untilAllHaveIt(theirs, room, () -> bare.broadcast(room));
                }
            }
            // each server's memory with every stream of the load still open
            var ourFigures = figures(ourTimes, bytes / votes, rss(app.server));
            if (!together) {
                close(ours);
                ours = List.of();
                theirs = open("The bare fan-out", rooms.size(), n, (room, i) -> new Stream(bare.base + "/stream?room=" + room, "none=1", room));
                Thread.sleep(500 + theirs.size() / 2);
                for (int v = 0; v < votes; v++) {
                    var room = roomOf[v];
                    theirTimes[v] = untilAllHaveIt(theirs, room, () -> bare.broadcast(room));
                }
            }
            return new Figures[] { ourFigures, figures(theirTimes, 0, rss(bare.server)) };
        }
        finally {
            close(ours);
            close(theirs);
        }
    }

    interface Opening {
        Stream stream(int room, int participant);
    }

    /** n streams into each of the rooms, once every one of them has its first event. */
    static List<Stream> open(String server, int rooms, int n, Opening opening) throws InterruptedException {
        var streams = new ArrayList<Stream>();
        for (int room = 0; room < rooms; room++) {
            for (int i = 0; i < n; i++) {
                streams.add(opening.stream(room, i));
            }
        }
        for (var stream : streams) {
            if (!stream.connected.await(60, TimeUnit.SECONDS)) {
                streams.forEach(Stream::close);
                throw new IllegalStateException(server + ": " + streams.stream().filter(st -> st.connected.getCount() > 0).count()
                        + " of " + streams.size() + " streams had no answer after 60 s");
            }
        }
        return streams;
    }

    static void close(List<Stream> streams) throws InterruptedException {
        if (!streams.isEmpty()) {
            streams.forEach(Stream::close);
            Thread.sleep(1000);
        }
    }

    interface Vote {
        void cast() throws Exception;
    }

    /** Milliseconds from the vote until the last stream of its room has the event. */
    static double untilAllHaveIt(List<Stream> streams, int room, Vote vote) throws Exception {
        var inRoom = streams.stream().filter(stream -> stream.room == room).toList();
        inRoom.forEach(Stream::expect);
        var started = System.nanoTime();
        vote.cast();
        long last = 0;
        for (var stream : inRoom) {
            last = Math.max(last, stream.seen());
        }
        return (last - started) / 1_000_000.0;
    }

    static Figures figures(double[] times, long bytesPerVote, long rssMib) {
        Arrays.sort(times);
        return new Figures(times[times.length / 2], times[(int) Math.ceil(times.length * 0.99) - 1], bytesPerVote, rssMib);
    }

    /** The loads of a kind, as given by -Dparticipants=10,100 or -Dmeetings=100 (none: -Dmeetings=). */
    static int[] loads(String kind, String all) {
        return Arrays.stream(System.getProperty(kind, all).split(",")).filter(load -> !load.isBlank()).mapToInt(Integer::parseInt)
            .toArray();
    }

    static final List<String> EXCLUDED = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
            "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration");

    /** Refinery as its users reach it: signed in through the form, votes posted as the poker page posts them. */
    static final class App {

        final String base;
        final HttpClient admin;
        final String adminCsrf;
        final List<HttpClient> voters = new ArrayList<>();
        final List<String> voterCsrf = new ArrayList<>();
        final List<String> voterCookies = new ArrayList<>();
        final List<Long> rounds = new ArrayList<>();
        final Process server;

        App(String base, Process server) throws Exception {
            this.base = base;
            this.server = server;
            this.admin = client();
            this.adminCsrf = signIn(admin, ADMIN);
        }

        void seed(int items) throws Exception {
            post(admin, "/teams", adminCsrf, "name", "Benchmark", "key", "BENCH");
            for (int i = 0; i < VOTERS; i++) {
                var email = "voter" + i + "@refinery.test";
                post(admin, "/admin/accounts", adminCsrf, "email", email, "displayName", "Voter " + i, "password", PASSWORD);
                post(admin, "/teams/BENCH/members", adminCsrf, "email", email, "role", "engineer");
                var client = client();
                voterCsrf.add(signIn(client, email));
                voters.add(client);
                voterCookies.add(cookie(client));
            }
            for (int i = 1; i <= items; i++) {
                post(admin, "/teams/BENCH/items", adminCsrf, "title", "Live item " + i, "workstream", "");
                post(admin, "/teams/BENCH/items/BENCH-" + i + "/poker/rounds", adminCsrf);
                rounds.add((long) i);
            }
        }

        long roundOf(int item) {
            return rounds.get(item - 1);
        }

        String signIn(HttpClient client, String email) throws Exception {
            var token = csrf(client, "/sign-in");
            post(client, "/sign-in", token, "email", email, "password", PASSWORD);
            return csrf(client, "/");
        }

        String csrf(HttpClient client, String path) throws Exception {
            var page = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        }

        void post(HttpClient client, String path, String csrf, String... fields) throws Exception {
            var form = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            for (int i = 0; i < fields.length; i += 2) {
                form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode());
            }
        }

        static String cookie(HttpClient client) {
            return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow().toString();
        }

        static HttpClient client() {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
        }
    }

    /** One participant's stream: notes when the next "vote" event arrives, and its size. */
    static final class Stream {

        static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        final int room;
        final CountDownLatch connected = new CountDownLatch(1);
        final AtomicLong arrived = new AtomicLong();
        final AtomicLong lastBytes = new AtomicLong();
        volatile String lastEvent = "none";
        volatile CountDownLatch next = new CountDownLatch(1);
        volatile Thread reader;
        volatile java.io.InputStream body;

        Stream(String url, String cookie, int room) {
            this.room = room;
            reader = Thread.ofVirtual().start(() -> read(url, cookie));
        }

        void expect() {
            next = new CountDownLatch(1);
        }

        long seen() throws InterruptedException {
            if (!next.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("A participant never saw the vote (the last event it had: " + lastEvent + ")");
            }
            return arrived.get();
        }

        private void read(String url, String cookie) {
            try {
                var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").header("Cookie", cookie).build();
                var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    String event = null;
                    long bytes = 0;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6);
                            bytes = line.length() + 1;
                        }
                        else if (!line.isEmpty()) {
                            bytes += line.length() + 1;
                        }
                        else if (event != null) {
                            lastEvent = event;
                            if (event.equals("board") || event.equals("presence") || event.equals("hello")) {
                                connected.countDown();
                            }
                            if (event.equals("vote")) {
                                lastBytes.set(bytes);
                                arrived.set(System.nanoTime());
                                next.countDown();
                            }
                            event = null;
                        }
                    }
                }
            }
            catch (IOException | InterruptedException closed) {
                // the benchmark closed it
            }
        }

        void close() {
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

    /** The bare fan-out: its streams and its broadcast, nothing else. */
    record Bare(String base, Process server, HttpClient client) {

        void broadcast(int room) throws Exception {
            client.send(HttpRequest.newBuilder(URI.create(base + "/broadcast?room=" + room)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException interrupted) {
            process.destroyForcibly();
        }
    }

    /** Until the URL answers at all, or with 200 when {@code ok}. */
    static void await(String url, boolean ok) throws Exception {
        var client = HttpClient.newHttpClient();
        for (int i = 0; i < 240; i++) {
            try {
                var status = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (!ok || status == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Nothing ready at " + url);
    }

    static long rss(Process process) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
            .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    static String ratio(double ours, double bare) {
        return String.format(Locale.ROOT, "%.2f", ours / bare);
    }

    static void write(List<String[]> rows) throws IOException {
        var section = new StringBuilder("<!-- live:start -->\n## Live meeting: votes reaching every participant\n\n");
        section.append("Run `bench/run live` (").append(LocalDate.now()).append("), on ").append(Machine.describe()).append(".\n\n");
        section.append("Refinery (H2 file) and a bare SseEmitter fan-out (`bench/BareFanout.java`) each in a process of its own, ")
            .append("both with `").append(String.join(" ", HEAP)).append("` (the machine above is the benchmark's JVM, which holds ")
            .append("the participants' SSE streams on loopback). A vote is posted as the poker page posts it ")
            .append("(signed-in session, CSRF), written to the database, and sent after the commit; the time is from the POST until ")
            .append("the last participant of the room has the event, ").append(VOTES).append(" votes a row (after ").append(WARM_UP)
            .append(" uncounted ones in a meeting of 10), each in a random room of the load. Both servers have the load's ")
            .append("streams open at once, and each vote goes to Refinery and then to the same room of the bare fan-out, so that ")
            .append("both are measured under the same conditions; a load of more than ").append(String.format(Locale.ROOT, "%,d", SIDE_BY_SIDE))
            .append(" streams for both (1,000 meetings of 10) is measured on one server after the other, with the same votes, as the ")
            .append("benchmark's process may open only 20,000 files here. Bytes are the vote's event as sent to all participants of ")
            .append("the room. RSS is each server's process while the load's streams are open.\n\n");
        section.append("| load | median | p99 | bare median | bare p99 | ratio (target <= 1.2) | bytes per vote | Refinery RSS | bare RSS |\n");
        section.append("|---|---|---|---|---|---|---|---|---|\n");
        for (var row : rows) {
            section.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        section.append("\nTargets: ratio <= 1.2 at N = 10, 100, 1000; 1,000 meetings x 10 on one node with RSS <= 1 GB and a median <= 20 ms.\n");
        section.append("<!-- live:end -->\n");
        Machine.replaceSection(Path.of("docs/benchmarks.md"), "live", section.toString());
    }
}
