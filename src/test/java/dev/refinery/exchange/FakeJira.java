package dev.refinery.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira Cloud on 127.0.0.1 for the tests, answering as Atlassian's REST v3 documentation shows: {@code GET
 * /rest/api/3/search/jql} gives {@code issues[]} with {@code key} and {@code fields} (summary, an ADF description,
 * status with its statusCategory, issuetype, labels, components, parent, the story points field), two issues a page,
 * with {@code nextPageToken} and {@code isLast}; {@code PUT /rest/api/3/issue/{key}} takes fields. It wants Basic auth
 * of one email and token (401 otherwise), can answer one 429 with a Retry-After first, and keeps every request.
 */
final class FakeJira implements AutoCloseable {

    static final String EMAIL = "fay@example.com";
    static final String TOKEN = "ATATT3xFfGF0-secret-token-7Zq9";
    static final int PAGE = 2;
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Request(String method, String path, String query, String authorization, String body) {
    }

    private final HttpServer server;
    private final Map<String, ObjectNode> issues = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile String token = TOKEN;
    private volatile int tooManyFirst;
    private volatile boolean olderShape;

    FakeJira() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String site() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now, only this token is taken. */
    void acceptOnly(String token) {
        this.token = token;
    }

    /** The next searches are answered 429 with Retry-After: 7, this many times. */
    void tooManyRequests(int times) {
        tooManyFirst = times;
    }

    /** Pages as the older /rest/api/3/search did: startAt, maxResults and total. */
    void olderShape() {
        olderShape = true;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    ObjectNode issue(String key, String summary, String type, String status, String category, Double points,
            List<String> labels, List<String> components, String parentKey, String parentSummary, JsonNode description) {
        var issue = JSON.createObjectNode();
        issue.put("id", Integer.toString(10000 + issues.size()));
        issue.put("key", key);
        issue.put("self", site() + "/rest/api/3/issue/" + key);
        var fields = issue.putObject("fields");
        fields.put("summary", summary);
        fields.set("description", description);
        fields.putObject("issuetype").put("name", type).put("subtask", false);
        var statusNode = fields.putObject("status");
        statusNode.put("name", status);
        statusNode.putObject("statusCategory").put("key", category).put("name", category);
        if (points == null) {
            fields.putNull("customfield_10016");
        }
        else {
            fields.put("customfield_10016", points);
        }
        var labelArray = fields.putArray("labels");
        labels.forEach(labelArray::add);
        var componentArray = fields.putArray("components");
        components.forEach(name -> componentArray.addObject().put("name", name));
        if (parentKey != null) {
            var parent = fields.putObject("parent");
            parent.put("key", parentKey);
            var parentFields = parent.putObject("fields");
            parentFields.put("summary", parentSummary);
            parentFields.putObject("issuetype").put("name", "Epic");
        }
        issues.put(key, issue);
        return issue;
    }

    ObjectNode fields(String key) {
        return (ObjectNode) issues.get(key).get("fields");
    }

    private void answer(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var uri = exchange.getRequestURI();
        var request = new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"), body);
        requests.add(request);
        var expected = "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + token).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.authorization())) {
            FakeHttp.send(exchange, 401, "{\"errorMessages\":[\"Client must be authenticated to access this resource.\"]}");
            return;
        }
        if (request.method().equals("GET") && request.path().equals("/rest/api/3/search/jql")) {
            if (tooManyFirst > 0) {
                tooManyFirst--;
                exchange.getResponseHeaders().add("Retry-After", "7");
                FakeHttp.send(exchange, 429, "{\"errorMessages\":[\"Rate limit exceeded.\"]}");
                return;
            }
            FakeHttp.send(exchange, 200, JSON.writeValueAsString(page(FakeHttp.query(request.query()))));
            return;
        }
        if (request.method().equals("PUT") && request.path().startsWith("/rest/api/3/issue/")) {
            var key = request.path().substring("/rest/api/3/issue/".length());
            var issue = issues.get(key);
            if (issue == null) {
                FakeHttp.send(exchange, 404, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"]}");
                return;
            }
            JSON.readTree(body).path("fields").properties().forEach(field -> fields(key).set(field.getKey(), field.getValue()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        FakeHttp.send(exchange, 404, "{}");
    }

    private JsonNode page(Map<String, String> query) {
        var all = new ArrayList<>(issues.values());
        int from;
        if (olderShape) {
            from = Integer.parseInt(query.getOrDefault("startAt", "0"));
        }
        else {
            from = query.containsKey("nextPageToken") ? Integer.parseInt(query.get("nextPageToken").substring("page-".length())) : 0;
        }
        var to = Math.min(all.size(), from + PAGE);
        var page = JSON.createObjectNode();
        var list = page.putArray("issues");
        all.subList(from, to).forEach(list::add);
        if (olderShape) {
            page.put("startAt", from);
            page.put("maxResults", PAGE);
            page.put("total", all.size());
        }
        else if (to < all.size()) {
            page.put("nextPageToken", "page-" + to);
            page.put("isLast", false);
        }
        else {
            page.put("isLast", true);
        }
        return page;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
