package dev.refinery.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 for the tests: it answers with the statuses it is given, one per request (then 200),
 * and keeps every request it got, each with whether its signature holds as the Standard Webhooks specification tells
 * a receiver to check it, written here from the specification's text rather than from the sender's code.
 */
final class WebhookReceiver implements AutoCloseable {

    /** What the specification's libraries accept: a timestamp within five minutes of the receiver's clock. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    record Received(String id, String timestamp, String signature, String body, boolean genuine) {
    }

    private final HttpServer server;
    private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final List<Received> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile String secret = "";
    private final Supplier<Instant> clock;

    WebhookReceiver(Supplier<Instant> clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            var id = headers.getFirst("webhook-id");
            var timestamp = headers.getFirst("webhook-timestamp");
            var signature = headers.getFirst("webhook-signature");
            received.add(new Received(id, timestamp, signature, body, verify(secret, id, timestamp, signature, body)));
            var status = answers.isEmpty() ? 200 : answers.poll();
            var answer = (status < 300 ? "thanks" : "not now").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    /** The statuses of the next answers, in order; 200 after them. */
    void answer(Integer... statuses) {
        answers.clear();
        answers.addAll(List.of(statuses));
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /**
     * The receiver's check: the secret's base64 part after {@code whsec_} is the key; the signed content is
     * {@code id.timestamp.body}; the header holds space-separated {@code v1,<base64>} signatures, one of which must
     * equal HMAC-SHA256 of that content (compared in constant time); the timestamp must be recent.
     */
    boolean verify(String secret, String id, String timestamp, String header, String body) {
        if (secret == null || !secret.startsWith("whsec_") || id == null || timestamp == null || header == null) {
            return false;
        }
        try {
            var sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            if (Duration.between(sent, clock.get()).abs().compareTo(TOLERANCE) > 0) {
                return false;
            }
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            var expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (var versioned : header.split(" ")) {
                var parts = versioned.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        }
        catch (Exception malformed) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
