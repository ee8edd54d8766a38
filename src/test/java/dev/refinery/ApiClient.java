package dev.refinery;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.refinery.identity.Accounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The API over real HTTP with HTTP Basic, for tests of the running application as its operator sees it. */
abstract class ApiClient {

    static final String PASSWORD = "correct horse battery";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    InputStream open(String who, String path) throws Exception {
        var response = http.sendAsync(request(who, path).setHeader("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    HttpResponse<String> get(String who, String path) throws Exception {
        return http.send(request(who, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String who, String path, String json) throws Exception {
        return send(who, path, "POST", json);
    }

    /** A JSON body sent with the method given, and any more headers as name, value, name, value... */
    HttpResponse<String> send(String who, String path, String method, String json, String... headers) throws Exception {
        var request = request(who, path).header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
        for (var i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String who, String path, String csv, String mapping) throws Exception {
        var boundary = "upload" + UUID.randomUUID();
        var body = """
                --%1$s\r
                Content-Disposition: form-data; name="format"\r
                \r
                csv\r
                --%1$s\r
                Content-Disposition: form-data; name="mapping"\r
                \r
                %2$s\r
                --%1$s\r
                Content-Disposition: form-data; name="file"; filename="items.csv"\r
                Content-Type: text/csv\r
                \r
                %3$s\r
                --%1$s--\r
                """.formatted(boundary, mapping, csv);
        return http.send(request(who, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String who, String path) {
        var credentials = Base64.getEncoder().encodeToString((who + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials)
            .header("Accept", "application/json");
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static <T> HttpResponse<T> expect(int status, HttpResponse<T> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri().getPath() + " answered: "
                + response.body()).isEqualTo(status);
        return response;
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
    }
}
