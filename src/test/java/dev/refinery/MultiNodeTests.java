package dev.refinery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewAccount;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.Teams;
import dev.refinery.meeting.LiveMeetings;
import dev.refinery.meeting.RefinementSessions;
import dev.refinery.meeting.SessionPlan;
import dev.refinery.shared.EventStream;
import dev.refinery.shared.MovableClock;
import dev.refinery.shared.PostgresAvailable;
import dev.refinery.shared.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL, as behind a load balancer: a participant connected to node A
 * sees what happens through node B, and loses nothing when node B stops.
 */
@ExtendWith(PostgresAvailable.class)
class MultiNodeTests {

    static final String PASSWORD = "correct horse battery";
    static final Duration SOON = Duration.ofSeconds(10);

    String schema;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    @BeforeEach
    void database() throws Exception {
        schema = TestDatabases.newSchema();
    }

    @AfterEach
    void stop() throws Exception {
        for (var node : new ConfigurableApplicationContext[] { a, b }) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        TestDatabases.drop(schema);
    }

    @Test
    void servesAnyoneFromAnyNodeShowsOnAWhatIsDoneThroughBAndLosesNothingWhenBStops() throws Exception {
        a = node();
        b = node();
        var accounts = a.getBean(Accounts.class);
        var fay = accounts.openFirstAdministrator(new NewAccount("fay@refinery.test", "Fay", PASSWORD));
        var ben = accounts.open(new NewAccount("ben@refinery.test", "Ben", PASSWORD));
        var cleo = accounts.open(new NewAccount("cleo@refinery.test", "Cleo", PASSWORD));
        var teams = a.getBean(Teams.class);
        teams.create(new NewTeam("Payments", "PAY"), fay.id());
        teams.add("PAY", new NewMember(ben.email(), "engineer"), fay.id());
        teams.add("PAY", new NewMember(cleo.email(), "engineer"), fay.id());
        var items = a.getBean(BacklogItems.class);
        var first = items.create("PAY", ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var second = items.create("PAY", ItemPatch.empty().title("Refunds"), fay).key().toString();
        var round = a.getBean(PokerRounds.class).open("PAY", first, fay).id();

        var browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        var signIn = browser.send(HttpRequest.newBuilder(URI.create(base(a) + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
        var csrf = signIn.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        browser.send(HttpRequest.newBuilder(URI.create(base(a) + "/sign-in")).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("email=ben%40refinery.test&password=" + PASSWORD.replace(" ", "+") + "&_csrf=" + csrf))
            .build(), HttpResponse.BodyHandlers.ofString());
        var cookie = ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow();
        var onB = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base(b) + "/teams/PAY"))
            .header("Cookie", "SESSION=" + cookie.getValue()).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).as("signed in on A, served by B: no sticky sessions").isEqualTo(200);
        assertThat(onB.body()).contains("<h1>Payments</h1>");

        try (var bensOnA = stream(a, "/teams/PAY/live/poker-1", ben)) {
            bensOnA.await(text -> text.contains("Voting: 0 of 3 voted"), SOON);

            put(b, "/api/v1/teams/PAY/items/" + first + "/rounds/" + round + "/votes/me", cleo, "{\"card\": \"5\"}");
            bensOnA.await(text -> text.contains("Voting: 1 of 3 voted"), SOON);
            assertThat(bensOnA.received()).doesNotContain("card-face");

            var bus = dev.refinery.live.LiveTestAccess.bus(a);
            dev.refinery.live.LiveTestAccess.dropListener(bus);
            put(b, "/api/v1/teams/PAY/items/" + first + "/rounds/" + round + "/votes/me", fay, "{\"card\": \"8\"}");
            bensOnA.await(text -> text.contains("Voting: 2 of 3 voted"), SOON);

            post(b, "/api/v1/teams/PAY/items/" + first + "/rounds/" + round + "/reveal", fay, "{}");
            assertThat(bensOnA.await(text -> text.contains("card-face"), SOON)).contains("<span class=\"card-face\">5</span>");
        }

        var sessions = a.getBean(RefinementSessions.class);
        var session = sessions.plan("PAY", new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), fay, ZoneOffset.UTC);
        sessions.replace("PAY", session.id(), List.of(first, second), List.of(2, 2), fay.id());
        a.getBean(LiveMeetings.class).start("PAY", session.id(), fay.id());
        try (var bensSession = stream(a, "/teams/PAY/live/session-" + session.id(), ben)) {
            bensSession.await(text -> text.contains("event:room"), SOON);
            put(b, "/api/v1/teams/PAY/sessions/" + session.id() + "/current", fay, "{\"itemKey\": \"" + second + "\"}");
            bensSession.await(text -> text.contains("event:current"), SOON);
        }

        var poker = a.getBean(PokerRounds.class);
        var revote = poker.open("PAY", second, fay).id();
        try (var bensOnA = stream(a, "/teams/PAY/live/poker-2", ben)) {
            bensOnA.await(text -> text.contains("Voting: 0 of 3 voted"), SOON);
            try (var cleosOnB = stream(b, "/teams/PAY/live/poker-2", cleo)) {
                cleosOnB.await(text -> text.contains("Voting: 0 of 3 voted"), SOON);
                assertThat(poker.board("PAY", second, fay.id()).seats())
                    .as("node A knows who is present on node B")
                    .filteredOn(seat -> seat.name().equals("Cleo")).singleElement()
                    .satisfies(seat -> assertThat(seat.present()).isTrue());

                put(b, "/api/v1/teams/PAY/items/" + second + "/rounds/" + revote + "/votes/me", cleo, "{\"card\": \"3\"}");
                bensOnA.await(text -> text.contains("Voting: 1 of 3 voted"), SOON);
                assertThat(poker.round("PAY", second, revote, fay.id()).status()).as("Ben, present on A, has not voted")
                    .isEqualTo(dev.refinery.estimation.Round.Status.VOTING);

                b.close();

                assertThat(cleosOnB.endedWithin(Duration.ofSeconds(5))).as("node B ended its streams").isTrue();
            }
            try (var cleoOnA = stream(a, "/teams/PAY/live/poker-2", cleo)) {
                assertThat(cleoOnA.await(text -> text.contains("Voting: 1 of 3 voted"), SOON)).contains("✓ voted");

                put(a, "/api/v1/teams/PAY/items/" + second + "/rounds/" + revote + "/votes/me", ben, "{\"card\": \"5\"}");

                assertThat(cleoOnA.await(text -> text.contains("card-face"), SOON))
                    .as("every present voter voted: revealed by itself").contains("<span class=\"card-face\">3</span>");
            }
        }
    }

    @Test
    void givesTheSameForecastOnEveryNodeAndANodeRecomputesItAfterAChangeMadeOnTheOther() throws Exception {
        a = node(MovableClock.Replacing.class);
        b = node(MovableClock.Replacing.class);
        var clocks = List.of(a.getBean(MovableClock.class), b.getBean(MovableClock.class));
        var fay = a.getBean(Accounts.class).openFirstAdministrator(new NewAccount("fay@refinery.test", "Fay", PASSWORD));
        a.getBean(Teams.class).create(new NewTeam("Payments", "PAY"), fay.id());
        var today = clocks.getFirst().instant().atZone(ZoneOffset.UTC).toLocalDate();
        put(a, "/api/v1/teams/PAY/reports/iterations", fay, """
                {"lengthWeeks": 1, "firstStart": "%s", "timeZone": "UTC", "version": 0}""".formatted(today));
        int[][] done = { { 3, 5 }, { 8 }, { 2, 3, 5, 1 }, { 13 } };
        for (int iteration = 0; iteration < done.length; iteration++) {
            var node = iteration % 2 == 0 ? a : b;
            for (var points : done[iteration]) {
                send(node, "/api/v1/teams/PAY/items/" + item(node, fay, points, null), fay,
                        HttpRequest.newBuilder().header("If-Match", "\"1\"")
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"done\"}")));
            }
            clocks.forEach(clock -> clock.move(Duration.ofDays(7)));
        }
        for (int i = 0; i < 8; i++) {
            item(i % 2 == 0 ? a : b, fay, 5, i == 5 ? today.plusDays(7 * 7 - 1) : null);
        }

        var onA = get(a, "/api/v1/teams/PAY/reports/forecast?seed=7", fay);
        assertThat(onA).contains("\"tooLittleData\":false").contains("\"runs\":10000");
        assertThat(onA.split("\"p50\"", -1)).as("a line per queued item").hasSize(9);
        assertThat(onA).as("throughput varies: the likelihood of the deadline is neither 0 nor 100 %")
            .containsPattern("\"likelihood\":[1-9][0-9]?,");
        assertThat(get(b, "/api/v1/teams/PAY/reports/forecast?seed=7", fay)).as("the same seed on the other node").isEqualTo(onA);
        assertThat(get(b, "/api/v1/teams/PAY/reports/forecast", fay)).as("the default seed on both nodes")
            .isEqualTo(get(a, "/api/v1/teams/PAY/reports/forecast", fay));

        item(b, fay, 8, null);
        var afterOnA = get(a, "/api/v1/teams/PAY/reports/forecast?seed=7", fay);
        assertThat(afterOnA.split("\"p50\"", -1)).as("node A's cached forecast gave way to the item added on B").hasSize(10);
        assertThat(get(b, "/api/v1/teams/PAY/reports/forecast?seed=7", fay)).isEqualTo(afterOnA);
    }

    /** Creates an item through a node's API and returns its key. */
    private static String item(ConfigurableApplicationContext node, Account as, int points, java.time.LocalDate deadline)
            throws Exception {
        var created = post(node, "/api/v1/teams/PAY/items", as, """
                {"title": "Item of %d points", "estimate": {"value": %d, "unit": "points"}%s}""".formatted(points, points,
                deadline == null ? "" : ", \"deadline\": \"" + deadline + "\""));
        return created.replaceAll("(?s).*?\"key\":\"([^\"]+)\".*", "$1");
    }

    private static String get(ConfigurableApplicationContext node, String path, Account as) throws Exception {
        return send(node, path, as, HttpRequest.newBuilder().GET());
    }

    private ConfigurableApplicationContext node(Class<?>... extra) {
        var sources = new java.util.ArrayList<Class<?>>(List.of(extra));
        sources.addFirst(RefineryApplication.class);
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
            .profiles("test")
            .run("--server.port=0", "--spring.main.banner-mode=off",
                    "--spring.datasource.url=" + TestDatabases.POSTGRES_URL + "?currentSchema=" + schema,
                    "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                    "--spring.datasource.password=" + TestDatabases.POSTGRES_PASSWORD,
                    "--spring.flyway.schemas=" + schema);
    }

    private static EventStream stream(ConfigurableApplicationContext node, String path, Account who) {
        return new EventStream(base(node) + path, who.email(), PASSWORD);
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static void put(ConfigurableApplicationContext node, String path, Account as, String json) throws Exception {
        send(node, path, as, HttpRequest.newBuilder().PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String post(ConfigurableApplicationContext node, String path, Account as, String json) throws Exception {
        return send(node, path, as, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String send(ConfigurableApplicationContext node, String path, Account as, HttpRequest.Builder request)
            throws Exception {
        var credentials = Base64.getEncoder().encodeToString((as.email() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var response = HttpClient.newHttpClient().send(request.uri(URI.create(base(node) + path))
            .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
        return response.body();
    }
}
