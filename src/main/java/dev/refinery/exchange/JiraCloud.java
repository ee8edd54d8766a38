package dev.refinery.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jira Cloud's REST v3 as the sync uses it: the search for issues by JQL, a page at a time (the current
 * {@code /rest/api/3/search/jql} with {@code nextPageToken}, or the older {@code startAt}/{@code total} shape when the
 * answer has it), with Basic auth of the account's email and API token. A 429 or 503 is asked again after the
 * {@code Retry-After} it gives (at most 5 times, each wait at most 5 minutes); 401 and 403 mean the token was refused.
 * Redirects are not followed, and the site's address is checked like a webhook's before each request.
 */
@Component
class JiraCloud {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int PAGE_SIZE = 50;
    static final int RETRIES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    /** Waits between a refusal for too many requests and the next one; tests make it return at once. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What stops a pull, in words for the facilitator. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** A page of issues, the cursor of the next one (null after the last) and the total when Jira says it. */
    record Page(List<JsonNode> issues, String next, Integer total) {
    }

    /** Where a search goes and with which credentials; the token is open only while a pull runs. */
    record Site(URI base, String email, String token) {

        String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final SyncAddresses addresses;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Pause pause = duration -> Thread.sleep(duration);
    /** Built at the first request: its TLS set-up (the JDK's trusted certificates) is not part of the start. */
    private final Supplier<HttpClient> http = SingletonSupplier.of(() -> HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build());

    JiraCloud(SyncAddresses addresses, JsonMapper json, Clock clock) {
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    void pauseWith(Pause pause) {
        this.pause = pause;
    }

    /** A page of the search; {@code cursor} is null for the first page, else what the previous page gave as next. */
    Page search(Site site, String jql, String pointsField, String cursor) {
        var query = new StringBuilder("/rest/api/3/search/jql?jql=").append(encode(jql))
            .append("&fields=").append(encode(JiraIssues.fields(pointsField)))
            .append("&maxResults=").append(PAGE_SIZE);
        if (cursor != null && cursor.startsWith("start:")) {
            query.append("&startAt=").append(cursor.substring("start:".length()));
        }
        else if (cursor != null) {
            query.append("&nextPageToken=").append(encode(cursor.substring("token:".length())));
        }
        var answer = send(site, HttpRequest.newBuilder(address(site, query.toString())).GET());
        JsonNode body;
        try {
            body = json.readTree(answer);
        }
        catch (JacksonException unreadable) {
            throw new Failed("Jira's answer was not JSON: is the site URL the Jira Cloud site, such as https://acme.atlassian.net?");
        }
        var issues = new ArrayList<JsonNode>();
        body.path("issues").forEach(issues::add);
        String next = null;
        Integer total = null;
        if (body.hasNonNull("nextPageToken") && !body.path("isLast").asBoolean(false)) {
            next = "token:" + body.path("nextPageToken").asString();
        }
        else if (body.has("startAt") && body.has("total")) {
            total = body.path("total").asInt();
            var after = body.path("startAt").asInt() + issues.size();
            next = !issues.isEmpty() && after < total ? "start:" + after : null;
        }
        if (body.has("total") && total == null) {
            total = body.path("total").asInt();
        }
        return new Page(issues, next, total);
    }

    private URI address(Site site, String pathAndQuery) {
        var base = site.base().toString().replaceAll("/+$", "");
        return URI.create(base + pathAndQuery);
    }

    private String send(Site site, HttpRequest.Builder request) {
        addresses.check(site.base().toString());
        request.timeout(TIMEOUT)
            .header("Authorization", site.authorization())
            .header("Accept", "application/json")
            .header("User-Agent", "Refinery-Sync/1");
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.get().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            catch (HttpTimeoutException timeout) {
                throw new Failed("Jira did not answer within " + TIMEOUT.toSeconds() + " s.");
            }
            catch (IOException unreachable) {
                throw new Failed("Could not reach Jira at " + site.base() + ": "
                        + (unreachable.getMessage() == null ? unreachable.getClass().getSimpleName() : unreachable.getMessage()));
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new Failed("The pull was interrupted.");
            }
            var status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new Failed("Jira refused the token (HTTP " + status + "): check the account email and API token.");
            }
            if ((status == 429 || status == 503) && attempt < RETRIES) {
                wait(retryAfter(response));
                continue;
            }
            if (status == 400) {
                throw new Failed("Jira refused the search (HTTP 400): " + firstLine(response.body()));
            }
            if (status < 200 || status >= 300) {
                throw new Failed("Jira answered HTTP " + status + ".");
            }
            return response.body();
        }
    }

    /** The wait a 429 or 503 asks for: seconds, or an HTTP date; 10 s when it says neither. */
    Duration retryAfter(HttpResponse<?> response) {
        var now = clock.instant();
        var wait = RetryAfter.when(response.headers().firstValue("Retry-After").orElse(""), now)
            .map(at -> Duration.between(now, at))
            .orElse(Duration.ofSeconds(10));
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void wait(Duration duration) {
        try {
            pause.sleep(duration);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Failed("The pull was interrupted.");
        }
    }

    private static String firstLine(String body) {
        var line = body == null ? "" : body.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
