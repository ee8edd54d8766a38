package dev.refinery.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

import dev.refinery.shared.Rejected;

/**
 * Sends what the outbox holds, on every node: each node claims due messages under {@code FOR UPDATE SKIP LOCKED}, so
 * that a message goes out from one node at a time, and again from any node if the one sending it stopped (at least
 * once; receivers drop repeats by {@code webhook-id}). A failed attempt is retried after an exponential backoff with
 * jitter, for up to a day; a hook that has failed for a day is paused, with the reason shown to its facilitators.
 * Redirects are not followed, every attempt times out after 10 s, and the address is checked again before each one.
 */
@Component
class WebhookDeliveries {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How long a claimed message is left to the node that claimed it: well past one attempt's timeout. */
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_WAIT = Duration.ofHours(2);
    static final int ANSWER_KEPT = 2048;
    static final int BATCH = 20;

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
        .withZone(java.time.ZoneOffset.UTC);

    private final WebhookRepository hooks;
    private final WebhookAddresses addresses;
    private final TrackerPushes pushes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean worker;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    /** Built at the first request: its TLS set-up (the JDK's trusted certificates) is not part of the start. */
    private final Supplier<HttpClient> http = SingletonSupplier.of(() -> HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build());

    WebhookDeliveries(WebhookRepository hooks, WebhookAddresses addresses, TrackerPushes pushes,
            TransactionTemplate transactions, Clock clock,
            @Value("${refinery.webhooks.worker:true}") boolean worker) {
        this.hooks = hooks;
        this.addresses = addresses;
        this.pushes = pushes;
        this.transactions = transactions;
        this.clock = clock;
        this.worker = worker;
    }

    @Scheduled(fixedDelayString = "${refinery.webhooks.poll:PT2S}", initialDelayString = "${refinery.webhooks.poll:PT2S}")
    void poll() {
        if (worker) {
            try {
                deliverDue();
            }
            catch (RuntimeException failed) {
                log.warn("Webhook deliveries failed, tried again at the next poll: {}", failed.toString());
            }
        }
    }

    /** Sends every message due now, batch by batch, and tells how many attempts were made. */
    int deliverDue() {
        var attempts = 0;
        while (true) {
            var now = clock.instant();
            List<WebhookRepository.Message> claimed = transactions.execute(status -> hooks.claim(now, now.plus(LEASE), BATCH));
            if (claimed == null || claimed.isEmpty()) {
                return attempts;
            }
            for (var message : claimed) {
                deliver(message);
                attempts++;
            }
        }
    }

    private void deliver(WebhookRepository.Message message) {
        var hook = hooks.hook(message.hook()).orElse(null);
        if (hook == null) {
            return;
        }
        var started = clock.instant();
        var timer = System.nanoTime();
        Integer status = null;
        var answer = "";
        String error = null;
        Instant notBefore = null;
        try {
            // a tracker sync's push goes through the same outbox, retries and log, as the tracker's own request
            if (TrackerPushes.isLabel(message.type())) {
                answer = pushes.label(hook.id(), message.payload());
                status = 200;
            }
            else {
                var request = TrackerPushes.isPush(message.type()) ? pushes.request(hook.id(), message.payload())
                        : request(addresses.check(hook.url()), hook.secret(), message, started.getEpochSecond());
                var response = http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
                status = response.statusCode();
                answer = firstBytes(response.body());
            }
        }
        catch (GitHubRateLimited limited) {
            // asking again before GitHub's reset would only spend another refusal
            error = limited.getMessage();
            notBefore = limited.retryAt();
        }
        catch (GitHubFailure refused) {
            error = refused.getMessage();
        }
        catch (Rejected refused) {
            error = "Refused: " + refused.getMessage();
        }
        catch (HttpTimeoutException timeout) {
            error = "No answer within " + TIMEOUT.toSeconds() + " s.";
        }
        catch (IOException failed) {
            error = "Could not connect: " + (failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            error = "Interrupted while sending.";
        }
        catch (IllegalArgumentException invalid) {
            error = "Cannot send to this URL: " + invalid.getMessage();
        }
        catch (IllegalStateException cannot) {
            error = "Cannot send: " + cannot.getMessage();
        }
        var duration = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - timer) / 1_000_000);
        record(message, hook, started, status, duration, answer, error, notBefore);
    }

    private static HttpRequest request(URI uri, String secret, WebhookRepository.Message message, long timestamp) {
        return HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Refinery-Webhooks/1")
            .header("webhook-id", message.messageId())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", WebhookSignature.sign(secret, message.messageId(), timestamp, message.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(message.payload(), StandardCharsets.UTF_8))
            .build();
    }

    private void record(WebhookRepository.Message message, Webhook hook, Instant at, Integer status, int duration,
            String answer, String error, Instant notBefore) {
        var shortError = error == null ? null : error.length() > 500 ? error.substring(0, 499) + "…" : error;
        transactions.executeWithoutResult(tx -> {
            hooks.attempted(message.id(), hook.id(), at, status, duration, answer, shortError, node);
            if (status != null && status >= 200 && status < 300) {
                hooks.delivered(message.id(), hook.id());
                return;
            }
            var now = clock.instant();
            var retry = now.plus(backoff(message.attempts() + 1));
            if (notBefore != null && notBefore.isAfter(retry)) {
                retry = notBefore;
            }
            var next = now.isBefore(message.giveUpAt()) ? min(retry, message.giveUpAt()) : null;
            hooks.failed(message.id(), hook.id(), now, next);
            var failingSince = hook.failingSince() == null ? now : hook.failingSince();
            if (!now.isBefore(failingSince.plus(Webhooks.RETRY_FOR))) {
                var reason = "Paused on " + WHEN.format(now) + ": every delivery has failed since " + WHEN.format(failingSince)
                        + " (last: " + (status == null ? shortError : "HTTP " + status) + "). Fix the receiver, then turn the hook on again.";
                if (hooks.pause(hook.id(), reason.length() > 500 ? reason.substring(0, 499) + "…" : reason)) {
                    log.warn("Webhook {} paused after a day of failed deliveries", hook.id());
                }
            }
        });
    }

    /** The wait after the n-th failed attempt: 10 s doubling each time up to 2 h, times a random 0.75 to 1.25. */
    Duration backoff(int failures) {
        var doubled = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        var capped = doubled.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubled;
        return Duration.ofMillis((long) (capped.toMillis() * random.nextDouble(0.75, 1.25)));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String firstBytes(InputStream body) throws IOException {
        try (body) {
            var bytes = body.readNBytes(ANSWER_KEPT);
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
            // A character cut at the 2 KB mark becomes one replacement character, not an error.
            return decoder.decode(ByteBuffer.wrap(bytes)).toString().replace('\u0000', '\uFFFD');
        }
    }
}
