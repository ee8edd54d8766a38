package dev.refinery.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubIssuesClientTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    /** What the fake GitHub was asked: the method, the raw path and query, the headers it looks at, the body. */
    record Asked(String method, String target, Map<String, String> headers, String body) {
    }

    /** An answer of GitHub's: status, headers and JSON body. */
    record Answer(int status, Map<String, String> headers, String body) {

        static Answer json(String body, String... headers) {
            var map = new java.util.LinkedHashMap<String, String>();
            for (int i = 0; i < headers.length; i += 2) {
                map.put(headers[i], headers[i + 1]);
            }
            return new Answer(200, map, body);
        }
    }

    private HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Asked> asked = Collections.synchronizedList(new ArrayList<>());
    private GitHubIssuesClient client;

    @BeforeEach
    void startGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var headers = exchange.getRequestHeaders();
            var seen = new java.util.TreeMap<String, String>();
            for (var name : List.of("Authorization", "Accept", "X-GitHub-Api-Version", "User-Agent", "Content-Type")) {
                if (headers.getFirst(name) != null) {
                    seen.put(name, headers.getFirst(name));
                }
            }
            var uri = exchange.getRequestURI();
            asked.add(new Asked(exchange.getRequestMethod(), uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    seen, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            var answer = answers.isEmpty() ? new Answer(500, Map.of(), "{}") : answers.poll();
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            var body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = new GitHubIssuesClient(URI.create(base() + "/"), "ghp_t0k3n", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopGitHub() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An issue as GET /repos/{owner}/{repo}/issues lists it (GitHub's documented shape, trimmed). */
    private static String issue(int number, String title, String body, String state, String... labels) {
        var names = new StringBuilder();
        for (var label : labels) {
            names.append(names.isEmpty() ? "" : ",").append("{\"id\":208045946,\"name\":\"").append(label)
                .append("\",\"color\":\"f29513\",\"default\":true}");
        }
        return """
                {"id": 1, "node_id": "MDU6SXNzdWUx", "url": "https://api.github.com/repos/acme/pay/issues/%1$d",
                 "repository_url": "https://api.github.com/repos/acme/pay", "html_url": "https://github.com/acme/pay/issues/%1$d",
                 "number": %1$d, "state": "%4$s", "title": "%2$s", "body": %3$s, "user": {"login": "octocat", "id": 1},
                 "labels": [%5$s], "assignee": null, "locked": false, "comments": 0,
                 "created_at": "2026-11-01T09:00:00Z", "updated_at": "2026-11-%1$02dT12:30:00Z", "closed_at": null}
                """.formatted(number, title, body == null ? "null" : "\"" + body + "\"", state, names);
    }

    private static String pullRequest(int number) {
        return issue(number, "Speed up refunds", "PR", "open").replace("\"closed_at\": null",
                "\"closed_at\": null, \"pull_request\": {\"url\": \"https://api.github.com/repos/acme/pay/pulls/" + number
                        + "\", \"html_url\": \"https://github.com/acme/pay/pull/" + number + "\"}");
    }

    private String link(String next, String last) {
        return "<" + base() + next + ">; rel=\"next\", <" + base() + last + ">; rel=\"last\"";
    }

    @Test
    void readsEveryPageByItsLinkAndPassesOverPullRequests() {
        answers.add(Answer.json("[" + issue(1, "Refund to wallet", "Pay back **fast**", "open", "bug", "estimate: 3") + ","
                + pullRequest(2) + "]", "Link", link("/repositories/42/issues?state=all&per_page=100&page=2",
                        "/repositories/42/issues?state=all&per_page=100&page=3")));
        answers.add(Answer.json("[" + issue(3, "Refund by card", null, "closed") + "]",
                "Link", "<" + base() + "/repositories/42/issues?state=all&per_page=100&page=1>; rel=\"prev\", "
                        + link("/repositories/42/issues?state=all&per_page=100&page=3",
                                "/repositories/42/issues?state=all&per_page=100&page=3")));
        answers.add(Answer.json("[" + issue(4, "Refund report", "", "open") + "]",
                "Link", "<" + base() + "/repositories/42/issues?state=all&per_page=100&page=2>; rel=\"prev\""));

        var issues = client.issues("acme", "pay", null);

        assertThat(issues).extracting(GitHubIssue::number).containsExactly(1, 3, 4);
        assertThat(issues.getFirst()).isEqualTo(new GitHubIssue(1, "Refund to wallet", "Pay back **fast**", "open",
                List.of("bug", "estimate: 3"), "https://github.com/acme/pay/issues/1", Instant.parse("2026-11-01T12:30:00Z")));
        assertThat(issues.get(1).body()).isNull();
        assertThat(issues.get(1).state()).isEqualTo("closed");
        assertThat(asked).extracting(Asked::target).containsExactly("/repos/acme/pay/issues?state=all&per_page=100",
                "/repositories/42/issues?state=all&per_page=100&page=2", "/repositories/42/issues?state=all&per_page=100&page=3");
        assertThat(asked).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.headers()).containsEntry("Authorization", "Bearer ghp_t0k3n")
                .containsEntry("Accept", "application/vnd.github+json")
                .containsEntry("X-GitHub-Api-Version", "2022-11-28")
                .containsKey("User-Agent");
        });
    }

    @Test
    void readsAPageAtATimeAndGivesTheNextPagesAddress() {
        var next = "/repositories/42/issues?state=all&per_page=100&labels=refine&page=2";
        answers.add(Answer.json("[" + issue(1, "Refund to wallet", null, "open", "refine") + "," + pullRequest(2) + "]",
                "Link", link(next, next)));
        answers.add(Answer.json("[" + issue(3, "Refund by card", null, "open", "refine") + "]"));

        var first = client.issuesPage("acme", "pay", "refine", null);
        var second = client.issuesPage("acme", "pay", "refine", first.next());

        assertThat(first.entries()).extracting(entry -> entry.path("number").asInt()).as("the pull request as GitHub listed it")
            .containsExactly(1, 2);
        assertThat(first.next()).isEqualTo(base() + next);
        assertThat(second.entries()).extracting(entry -> entry.path("number").asInt()).containsExactly(3);
        assertThat(second.next()).isNull();
        assertThat(asked).extracting(Asked::target).containsExactly("/repos/acme/pay/issues?state=all&per_page=100&labels=refine", next);
    }

    @Test
    void resumesAtNoPageOnAnotherHost() {
        assertThatThrownBy(() -> client.issuesPage("acme", "pay", null, "https://elsewhere.example/issues?page=2"))
            .isExactlyInstanceOf(GitHubFailure.class).hasMessageContaining("the token is not sent there");
        assertThat(asked).isEmpty();
    }

    @Test
    void asksOnlyForIssuesWithTheLabel() {
        answers.add(Answer.json("[]"));

        assertThat(client.issues("acme", "pay", "needs estimate")).isEmpty();

        assertThat(asked).extracting(Asked::target)
            .containsExactly("/repos/acme/pay/issues?state=all&per_page=100&labels=needs%20estimate");
    }

    @Test
    void tellsWhenTheRateLimitIsSpentAndWhenItResets() {
        answers.add(new Answer(403, Map.of("x-ratelimit-limit", "5000", "x-ratelimit-remaining", "0",
                "x-ratelimit-reset", "1796385600"), "{\"message\": \"API rate limit exceeded for user ID 1.\"}"));

        assertThatThrownBy(() -> client.issues("acme", "pay", null)).isInstanceOfSatisfying(GitHubRateLimited.class,
                limited -> assertThat(limited.retryAt()).isEqualTo(Instant.ofEpochSecond(1796385600)))
            .hasMessageContaining("rate limit");
    }

    @Test
    void tellsHowLongToWaitWhenGitHubSaysRetryAfter() {
        answers.add(new Answer(429, Map.of("Retry-After", "30"),
                "{\"message\": \"You have exceeded a secondary rate limit.\"}"));

        assertThatThrownBy(() -> client.issues("acme", "pay", null)).isInstanceOfSatisfying(GitHubRateLimited.class,
                limited -> assertThat(limited.retryAt()).isEqualTo(NOW.plusSeconds(30)));
    }

    @Test
    void saysGitHubRefusedTheToken() {
        answers.add(new Answer(401, Map.of(), "{\"message\": \"Bad credentials\", \"status\": \"401\"}"));

        assertThatThrownBy(() -> client.issues("acme", "pay", null)).isExactlyInstanceOf(GitHubFailure.class)
            .hasMessageContaining("GitHub refused the token");
    }

    @Test
    void saysTheRepositoryIsNotFoundOrNotVisible() {
        answers.add(new Answer(404, Map.of(), "{\"message\": \"Not Found\"}"));

        assertThatThrownBy(() -> client.issues("acme", "secret", null)).isExactlyInstanceOf(GitHubFailure.class)
            .hasMessageContaining("repository not found or not visible to the token (acme/secret)");
    }

    @Test
    void followsNoRedirect() {
        answers.add(new Answer(301, Map.of("Location", base() + "/repositories/42/issues"), "{\"message\": \"Moved Permanently\"}"));

        assertThatThrownBy(() -> client.issues("acme", "old-name", null)).isExactlyInstanceOf(GitHubFailure.class)
            .hasMessageContaining("may have moved");
        assertThat(asked).hasSize(1);
    }

    @Test
    void sendsTheTokenToNoOtherHostThanGitHubs() {
        answers.add(Answer.json("[" + issue(1, "Refund", null, "open") + "]",
                "Link", "<https://elsewhere.example/issues?page=2>; rel=\"next\""));

        assertThatThrownBy(() -> client.issues("acme", "pay", null)).isExactlyInstanceOf(GitHubFailure.class)
            .hasMessageContaining("another host");
        assertThat(asked).hasSize(1);
    }

    @Test
    void replacesTheEstimateLabelsWithTheNewOne() {
        answers.add(Answer.json("""
                [{"id": 1, "name": "bug", "color": "f29513", "default": true},
                 {"id": 2, "name": "estimate: 3", "color": "ededed", "default": false},
                 {"id": 3, "name": "Estimate: 8", "color": "ededed", "default": false}]
                """));
        answers.add(Answer.json("[{\"id\": 1, \"name\": \"bug\"}, {\"id\": 3, \"name\": \"Estimate: 8\"}]"));
        answers.add(new Answer(404, Map.of(), "{\"message\": \"Label does not exist\"}"));
        answers.add(Answer.json("[{\"id\": 1, \"name\": \"bug\"}, {\"id\": 4, \"name\": \"estimate: 5\"}]"));

        client.replaceEstimateLabel("acme", "pay", 7, "estimate: 5");

        assertThat(asked).extracting(Asked::method, Asked::target, Asked::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET", "/repos/acme/pay/issues/7/labels?per_page=100", ""),
                org.assertj.core.groups.Tuple.tuple("DELETE", "/repos/acme/pay/issues/7/labels/estimate%3A%203", ""),
                org.assertj.core.groups.Tuple.tuple("DELETE", "/repos/acme/pay/issues/7/labels/Estimate%3A%208", ""),
                org.assertj.core.groups.Tuple.tuple("POST", "/repos/acme/pay/issues/7/labels", "{\"labels\":[\"estimate: 5\"]}"));
        assertThat(asked.getLast().headers()).containsEntry("Content-Type", "application/json")
            .containsEntry("Authorization", "Bearer ghp_t0k3n");
    }

    @Test
    void leavesTheNewLabelWhenTheIssueHasItAlready() {
        answers.add(Answer.json("[{\"id\": 2, \"name\": \"estimate: 3\"}, {\"id\": 4, \"name\": \"estimate: 5\"}]"));
        answers.add(Answer.json("[{\"id\": 4, \"name\": \"estimate: 5\"}]"));

        client.replaceEstimateLabel("acme", "pay", 7, "estimate: 5");

        assertThat(asked).extracting(Asked::method, Asked::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET", "/repos/acme/pay/issues/7/labels?per_page=100"),
                org.assertj.core.groups.Tuple.tuple("DELETE", "/repos/acme/pay/issues/7/labels/estimate%3A%203"));
    }

    @Test
    void stopsTheReplacementWhenGitHubRefusesTheLabel() {
        answers.add(Answer.json("[]"));
        answers.add(new Answer(403, Map.of("x-ratelimit-remaining", "4999"),
                "{\"message\": \"Resource not accessible by personal access token\"}"));

        assertThatThrownBy(() -> client.replaceEstimateLabel("acme", "pay", 7, "estimate: 5"))
            .isExactlyInstanceOf(GitHubFailure.class).hasMessageContaining("refused access");
    }
}
