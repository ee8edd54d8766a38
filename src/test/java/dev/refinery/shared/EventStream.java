package dev.refinery.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client of one Server-Sent Event stream over real HTTP, as a browser's EventSource would hold it: it
 * collects what arrives, and knows when the server has ended the stream.
 */
public final class EventStream implements AutoCloseable {

    private final StringBuffer received = new StringBuffer();
    private final CompletableFuture<Void> ended;
    private final HttpClient client = HttpClient.newHttpClient();

    public EventStream(String url, String email, String password) {
        var credentials = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Basic " + credentials)
            .build();
        ended = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .thenAccept(response -> {
                if (response.statusCode() != 200) {
                    received.append("status:").append(response.statusCode()).append('\n');
                }
                response.body().forEach(line -> received.append(line).append('\n'));
            });
    }

    /** Waits until what was received satisfies the condition; fails with what was received otherwise. */
    public String await(Predicate<String> condition, Duration within) throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(received.toString())) {
                return received.toString();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Not received within " + within + "; got:\n" + received);
    }

    public String received() {
        return received.toString();
    }

    public boolean endedWithin(Duration duration) {
        try {
            ended.get(duration.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (Exception notYet) {
            return ended.isDone();
        }
    }

    @Override
    public void close() {
        ended.cancel(true);
        client.shutdownNow();
    }
}
