package dev.refinery;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import dev.refinery.identity.NewAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's Prometheus reads at {@code /actuator/prometheus} after a team votes, reveals, imports and keeps
 * a live page open; and the probes a load balancer asks without signing in. No scraper token is configured here, so
 * only administrators read the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "refinery.admin.email=ada@refinery.test", "refinery.admin.password=" + MetricsTests.PASSWORD,
        "refinery.live.presence-delay=PT0.01S" })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class MetricsTests extends ApiClient {

    static final String ADMIN = "ada@refinery.test";

    @Test
    void countsVotesRevealsImportsAndOpenStreams() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var fay = accounts.open(new NewAccount("fay-" + suffix + "@refinery.test", "Fay", PASSWORD)).email();
        var ben = accounts.open(new NewAccount("ben-" + suffix + "@refinery.test", "Ben", PASSWORD)).email();
        var team = "MT" + suffix.substring(0, 3).toUpperCase().replaceAll("[^A-Z]", "X");
        var api = "/api/v1/teams/" + team;
        expect(201, send(fay, "/api/v1/teams", "POST", "{\"name\": \"Metrics\", \"key\": \"%s\"}".formatted(team)));
        expect(201, send(fay, api + "/members", "POST", "{\"email\": \"%s\", \"role\": \"engineer\"}".formatted(ben)));
        var refunds = json(expect(201, send(fay, api + "/items", "POST", "{\"title\": \"Refunds\"}"))).path("key").asString();
        var receipts = json(expect(201, send(fay, api + "/items", "POST", "{\"title\": \"Receipts\"}"))).path("key").asString();

        var first = api + "/items/" + refunds + "/rounds";
        var round = location(expect(201, send(fay, first, "POST", "{}")));
        expect(204, send(fay, first + "/" + round + "/votes/me", "PUT", "{\"card\": \"5\"}"));
        expect(204, send(ben, first + "/" + round + "/votes/me", "PUT", "{\"card\": \"8\"}"));
        var second = api + "/items/" + receipts + "/rounds";
        var other = location(expect(201, send(fay, second, "POST", "{}")));
        expect(204, send(ben, second + "/" + other + "/votes/me", "PUT", "{\"card\": \"3\"}"));
        expect(200, send(fay, second + "/" + other + "/reveal", "POST", "{}"));

        var job = json(expect(202, upload(ben, api + "/imports", "Title\r\nExport the queue\r\n", "{\"Title\": \"title\"}")));
        var imported = "refinery_imports_seconds_count{format=\"csv\",outcome=\"done\"} 1\n";
        var metrics = scrape();
        for (var polls = 0; !metrics.contains(imported) && polls < 100; polls++) {
            TimeUnit.MILLISECONDS.sleep(50);
            metrics = scrape();
        }
        assertThat(json(expect(200, get(ben, api + "/imports/" + job.path("id").asLong()))).path("status").asString())
            .isEqualTo("done");

        assertThat(metrics).contains(imported)
            .containsPattern("refinery_imports_seconds_sum\\{format=\"csv\",outcome=\"done\"} [0-9.E-]+")
            .contains("refinery_poker_votes_total 3.0")
            .contains("refinery_poker_reveals_total{trigger=\"all_voted\"} 1.0")
            .contains("refinery_poker_reveals_total{trigger=\"facilitator\"} 1.0")
            .contains("refinery_live_streams 0.0")
            .contains("refinery_live_rooms 0.0")
            .contains("refinery_live_bus_reconnects_total 0.0")
            .containsPattern("hikaricp_connections_max\\{pool=\"[^\"]+\"} 4.0|hikaricp_connections_max\\{pool=\"[^\"]+\"} 10.0")
            .contains("hikaricp_connections_active{")
            .contains("hikaricp_connections_pending{");
        assertThat(line(metrics, "http_server_requests_seconds_bucket{", "uri=\"/api/v1/teams/{team}/items/{item}/rounds/{round}/votes/me\"",
                "status=\"204\"", "method=\"PUT\"")).as("votes by route and status, in buckets").isTrue();
        var buckets = metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket{")
                && line.contains("votes/me")).toList();
        assertThat(buckets).as("buckets from 5 ms to 10 s, and the rest").hasSizeLessThanOrEqualTo(51)
            .anyMatch(line -> line.contains("le=\"10.0\"")).anyMatch(line -> line.contains("le=\"+Inf\""))
            .noneMatch(line -> line.contains("le=\"0.001\""));
        assertThat(line(metrics, "http_server_requests_seconds_count{", "uri=\"/api/v1/teams/{team}/items/{item}/rounds/{round}/votes/me\"",
                "status=\"204\"")).isTrue();
        assertThat(metrics).containsPattern(Pattern.compile(
                "^http_server_requests_seconds_count\\{.*status=\"204\".*uri=\"/api/v1/teams/\\{team}/items/\\{item}/rounds/\\{round}/votes/me\"} 3$",
                Pattern.MULTILINE));

        try (var stream = open(ben, "/teams/" + team + "/live")) {
            var streams = scrape();
            for (var polls = 0; !streams.contains("refinery_live_streams 1.0") && polls < 100; polls++) {
                TimeUnit.MILLISECONDS.sleep(50);
                streams = scrape();
            }
            assertThat(streams).contains("refinery_live_streams 1.0").contains("refinery_live_rooms 1.0");
        }
    }

    @Test
    void answersTheProbesOfALoadBalancerWithoutSignIn() throws Exception {
        var liveness = http.send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).path("status").asString()).isEqualTo("UP");
        var readiness = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        var components = JSON.readTree(readiness.body()).path("components");
        assertThat(components.path("db").path("status").asString()).as("readiness asks the database").isEqualTo("UP");
        assertThat(components.path("readinessState").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("db").has("details")).as("no details to anonymous callers").isFalse();
        assertThat(JSON.readTree(liveness.body()).path("components").has("db")).as("liveness does not ask the database").isFalse();
    }

    @Test
    void refusesABearerTokenWhenNoneIsConfigured() throws Exception {
        var guess = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Authorization", "Bearer ")
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(guess.statusCode()).isEqualTo(401);
        var anything = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
            .header("Authorization", "Bearer 0123456789abcdef0123").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anything.statusCode()).isEqualTo(401);
    }

    static boolean line(String metrics, String start, String... labels) {
        return metrics.lines().anyMatch(line -> line.startsWith(start) && java.util.Arrays.stream(labels).allMatch(line::contains));
    }

    String scrape() throws Exception {
        return expect(200, http.send(request(ADMIN, "/actuator/prometheus").setHeader("Accept", "text/plain").GET().build(),
                HttpResponse.BodyHandlers.ofString())).body();
    }

}
