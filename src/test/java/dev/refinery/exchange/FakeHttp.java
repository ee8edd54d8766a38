package dev.refinery.exchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** What the fake trackers of the tests share: reading a query string, and answering with JSON. */
final class FakeHttp {

    private FakeHttp() {
    }

    /** The query's parameters, decoded, in order; the last of a repeated name wins. */
    static Map<String, String> query(String raw) {
        var query = new LinkedHashMap<String, String>();
        if (raw != null) {
            for (var pair : raw.split("&")) {
                var equals = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
