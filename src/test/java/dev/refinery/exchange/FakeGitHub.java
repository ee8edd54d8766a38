package dev.refinery.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitHub's REST API on 127.0.0.1 for the tests, for one repository, answering as GitHub's documentation shows:
 * {@code GET /repos/{owner}/{repo}/issues} lists issues and pull requests (these with {@code pull_request}), two a
 * page, with the next and last pages in the {@code Link} header, filtered by {@code labels} (all of them);
 * {@code GET .../issues/{n}/labels}, {@code DELETE .../issues/{n}/labels/{name}} and {@code POST .../issues/{n}/labels}
 * with {@code {"labels": [...]}}. It wants {@code Authorization: Bearer} of one token (401 "Bad credentials"
 * otherwise), can answer with a spent rate limit (403, {@code x-ratelimit-remaining: 0} and its reset), and keeps
 * every request.
 */
final class FakeGitHub implements AutoCloseable {

    static final String OWNER = "acme";
    static final String REPO = "shop";
    static final String TOKEN = "github_pat_11ABCDEFG0-secret-token-Xk42";
    static final int PAGE = 2;
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Request(String method, String path, String query, String authorization, String body) {
    }

    private final HttpServer server;
    private final Map<Integer, ObjectNode> issues = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile String token = TOKEN;
    private volatile Long rateLimitedUntil;

    FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String api() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now, only this token is taken. */
    void acceptOnly(String token) {
        this.token = token;
    }

    /** Every request is refused for a spent rate limit, resetting at this epoch second, until {@link #rateLimitOver}. */
    void rateLimited(long resetEpochSecond) {
        rateLimitedUntil = resetEpochSecond;
    }

    void rateLimitOver() {
        rateLimitedUntil = null;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    ObjectNode issue(int number, String title, String body, String state, String stateReason, String... labels) {
        var issue = JSON.createObjectNode();
        var repository = api() + "/repos/" + OWNER + "/" + REPO;
        issue.put("url", repository + "/issues/" + number);
        issue.put("repository_url", repository);
        issue.put("html_url", "https://github.com/" + OWNER + "/" + REPO + "/issues/" + number);
        issue.put("id", 1_000_000 + number);
        issue.put("number", number);
        issue.put("title", title);
        if (body == null) {
            issue.putNull("body");
        }
        else {
            issue.put("body", body);
        }
        issue.put("state", state);
        if (stateReason == null) {
            issue.putNull("state_reason");
        }
        else {
            issue.put("state_reason", stateReason);
        }
        var names = issue.putArray("labels");
        Arrays.stream(labels).forEach(name -> names.addObject().put("name", name).put("color", "ededed"));
        issue.putObject("user").put("login", "octocat");
        issue.put("updated_at", "2026-12-01T10:00:00Z");
        issues.put(number, issue);
        return issue;
    }

    /** A pull request, which GitHub lists among the issues. */
    ObjectNode pullRequest(int number, String title, String... labels) {
        var pull = issue(number, title, "Fixes it", "open", null, labels);
        pull.putObject("pull_request").put("url", api() + "/repos/" + OWNER + "/" + REPO + "/pulls/" + number);
        return pull;
    }

    ObjectNode issue(int number) {
        return issues.get(number);
    }

    /** The names of the issue's labels, in order. */
    List<String> labels(int number) {
        var names = new ArrayList<String>();
        issues.get(number).path("labels").forEach(label -> names.add(label.path("name").asString()));
        return names;
    }

    private void answer(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var uri = exchange.getRequestURI();
        var request = new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"), body);
        requests.add(request);
        if (!("Bearer " + token).equals(request.authorization())) {
            FakeHttp.send(exchange, 401, "{\"message\": \"Bad credentials\", \"documentation_url\": \"https://docs.github.com/rest\", \"status\": \"401\"}");
            return;
        }
        var limited = rateLimitedUntil;
        if (limited != null) {
            exchange.getResponseHeaders().add("x-ratelimit-limit", "5000");
            exchange.getResponseHeaders().add("x-ratelimit-remaining", "0");
            exchange.getResponseHeaders().add("x-ratelimit-used", "5000");
            exchange.getResponseHeaders().add("x-ratelimit-reset", Long.toString(limited));
            FakeHttp.send(exchange, 403, "{\"message\": \"API rate limit exceeded for user ID 1.\", \"documentation_url\": \"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}");
            return;
        }
        var repository = "/repos/" + OWNER + "/" + REPO;
        var path = request.path();
        if (request.method().equals("GET") && path.equals(repository + "/issues")) {
            list(exchange, FakeHttp.query(request.query()));
            return;
        }
        if (path.startsWith(repository + "/issues/") && path.contains("/labels")) {
            var rest = path.substring((repository + "/issues/").length());
            var number = Integer.parseInt(rest.substring(0, rest.indexOf('/')));
            var issue = issues.get(number);
            if (issue == null) {
                FakeHttp.send(exchange, 404, "{\"message\": \"Not Found\"}");
                return;
            }
            var labels = (ArrayNode) issue.get("labels");
            if (request.method().equals("GET")) {
                FakeHttp.send(exchange, 200, JSON.writeValueAsString(labels));
                return;
            }
            if (request.method().equals("DELETE")) {
                var name = URLDecoder.decode(rest.substring(rest.indexOf("/labels/") + "/labels/".length()), StandardCharsets.UTF_8);
                for (int i = 0; i < labels.size(); i++) {
                    if (labels.get(i).path("name").asString().equals(name)) {
                        labels.remove(i);
                        FakeHttp.send(exchange, 200, JSON.writeValueAsString(labels));
                        return;
                    }
                }
                FakeHttp.send(exchange, 404, "{\"message\": \"Label does not exist\"}");
                return;
            }
            if (request.method().equals("POST")) {
                JSON.readTree(body).path("labels").forEach(name -> {
                    if (!labels(number).contains(name.asString())) {
                        labels.addObject().put("name", name.asString()).put("color", "ededed");
                    }
                });
                FakeHttp.send(exchange, 200, JSON.writeValueAsString(labels));
                return;
            }
        }
        FakeHttp.send(exchange, 404, "{\"message\": \"Not Found\"}");
    }

    private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        var wanted = query.containsKey("labels") ? List.of(query.get("labels").split(",")) : List.<String>of();
        var all = new ArrayList<JsonNode>();
        synchronized (issues) {
            for (var issue : issues.values()) {
                var names = new ArrayList<String>();
                issue.path("labels").forEach(label -> names.add(label.path("name").asString()));
                if (names.containsAll(wanted)) {
                    all.add(issue.deepCopy());
                }
            }
        }
        var page = Integer.parseInt(query.getOrDefault("page", "1"));
        var last = Math.max(1, (all.size() + PAGE - 1) / PAGE);
        var list = JSON.createArrayNode();
        all.subList(Math.min(all.size(), (page - 1) * PAGE), Math.min(all.size(), page * PAGE)).forEach(list::add);
        if (page < last) {
            var base = api() + "/repos/" + OWNER + "/" + REPO + "/issues?state=all&per_page=100"
                    + (query.containsKey("labels") ? "&labels=" + URLEncoder.encode(query.get("labels"), StandardCharsets.UTF_8) : "");
            exchange.getResponseHeaders().add("Link", "<" + base + "&page=" + (page + 1) + ">; rel=\"next\", <" + base + "&page="
                    + last + ">; rel=\"last\"");
        }
        FakeHttp.send(exchange, 200, JSON.writeValueAsString(list));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
