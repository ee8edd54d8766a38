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
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub's issues of one repository read, and their estimate label replaced, through GitHub's REST API: every
 * request carries the token, waits at most 10 seconds, and follows no redirect; pages are followed only on the API's
 * own host, so the token goes nowhere else. It never waits for a spent rate limit: it throws
 * {@link GitHubRateLimited} with the time to try again, and the caller decides.
 */
public final class GitHubIssuesClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** GitHub's advice when it says neither when the limit resets nor how long to wait. */
    private static final Duration RATE_LIMIT_WAIT = Duration.ofMinutes(1);
    private static final int PAGES_MAX = 500;
    private static final int LABEL_MAX = 50;
    private static final String ESTIMATE = "estimate:";
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\",;]*)\"?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI apiBase;
    private final String token;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(TIMEOUT)
        .version(HttpClient.Version.HTTP_1_1)
        .build();

    public GitHubIssuesClient(URI apiBase, String token, Clock clock) {
        Objects.requireNonNull(apiBase, "apiBase");
        if (apiBase.getScheme() == null || apiBase.getHost() == null
                || !(apiBase.getScheme().equals("https") || apiBase.getScheme().equals("http"))) {
            throw new IllegalArgumentException("GitHub's API address must be an http(s) address such as https://api.github.com.");
        }
        if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("A GitHub token is needed, without spaces.");
        }
        this.apiBase = apiBase;
        this.token = token.strip();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Every issue of the repository, open or closed, with the label when one is given, over all pages; pull
     * requests, which GitHub lists among the issues, are left out.
     *
     * @throws GitHubFailure when GitHub refuses or cannot be reached, {@link GitHubRateLimited} when its rate
     *         limit is spent
     */
    public List<GitHubIssue> issues(String owner, String repo, String labelFilter) {
        var query = "?state=all&per_page=100";
        if (labelFilter != null && !labelFilter.isBlank()) {
            query += "&labels=" + encode(labelFilter.strip());
        }
        var issues = new ArrayList<GitHubIssue>();
        for (var entry : pages(repository(owner, repo) + "/issues" + query, owner, repo)) {
            issue(entry).ifPresent(issues::add);
        }
        return issues;
    }

    /**
     * One page of the repository's issues with the label when one is given, as GitHub wrote them (pull requests
     * among them), and the address of the next page, null after the last. {@code next} is null for the first page,
     * else what the previous page gave; an address on another host than the API's is refused, so the token goes
     * nowhere else.
     *
     * @throws GitHubFailure as {@link #issues} does
     */
    IssuesPage issuesPage(String owner, String repo, String labelFilter, String next) {
        URI address;
        if (next == null) {
            var query = "?state=all&per_page=100";
            if (labelFilter != null && !labelFilter.isBlank()) {
                query += "&labels=" + encode(labelFilter.strip());
            }
            address = URI.create(repository(owner, repo) + "/issues" + query);
        }
        else {
            address = URI.create(next);
            if (!sameHost(address)) {
                throw new GitHubFailure("The next page is on another host (" + address.getHost() + "); the token is not sent there.");
            }
        }
        var page = page(address, owner, repo);
        return new IssuesPage(page.entries(), page.next() == null ? null : page.next().toString());
    }

    /** Entries of a page of issues as GitHub wrote them, and the next page's address (null after the last). */
    record IssuesPage(List<JsonNode> entries, String next) {
    }

    /**
     * Takes every label starting with "estimate:" off the issue, then puts the new one on; a label GitHub no longer
     * has on the issue is passed over, and the new label, when the issue has it already, stays.
     *
     * @throws GitHubFailure as {@link #issues} does
     */
    public void replaceEstimateLabel(String owner, String repo, int number, String newLabel) {
        if (newLabel == null || newLabel.isBlank() || newLabel.strip().length() > LABEL_MAX) {
            throw new IllegalArgumentException("A label has 1 to " + LABEL_MAX + " characters.");
        }
        if (number < 1) {
            throw new IllegalArgumentException("An issue number is 1 or more.");
        }
        var label = newLabel.strip();
        var issue = repository(owner, repo) + "/issues/" + number;
        boolean has = false;
        for (var existing : pages(issue + "/labels?per_page=100", owner, repo)) {
            var name = existing.isObject() ? string(existing.get("name")) : null;
            if (name == null) {
                continue;
            }
            if (name.equals(label)) {
                has = true;
            }
            else if (name.toLowerCase(Locale.ROOT).startsWith(ESTIMATE)) {
                var response = send(request(URI.create(issue + "/labels/" + encode(name))).DELETE().build());
                if (response.statusCode() != 404) {
                    check(response, owner, repo);
                }
            }
        }
        if (!has) {
            var body = JSON.createObjectNode();
            body.putArray("labels").add(label);
            check(send(request(URI.create(issue + "/labels"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build()), owner, repo);
        }
    }

    private String repository(String owner, String repo) {
        if (owner == null || owner.isBlank() || repo == null || repo.isBlank()) {
            throw new IllegalArgumentException("A GitHub repository has an owner and a name.");
        }
        var base = apiBase.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/repos/" + encode(owner.strip()) + "/" + encode(repo.strip());
    }

    /** The entries of every page, following each page's Link to the next on GitHub's own host. */
    private List<JsonNode> pages(String first, String owner, String repo) {
        var entries = new ArrayList<JsonNode>();
        var seen = new HashSet<URI>();
        var next = URI.create(first);
        while (next != null) {
            if (!seen.add(next) || seen.size() > PAGES_MAX) {
                throw new GitHubFailure("GitHub kept answering with more pages; stopped after " + seen.size() + ".");
            }
            var page = page(next, owner, repo);
            entries.addAll(page.entries());
            next = page.next();
        }
        return entries;
    }

    private record Page(List<JsonNode> entries, URI next) {
    }

    private Page page(URI address, String owner, String repo) {
        var response = send(request(address).GET().build());
        check(response, owner, repo);
        JsonNode page;
        try {
            page = JSON.readTree(response.body());
        }
        catch (JacksonException notJson) {
            throw new GitHubFailure("GitHub answered with something other than JSON.", notJson);
        }
        if (page == null || !page.isArray()) {
            throw new GitHubFailure("GitHub answered with something other than a list.");
        }
        var entries = new ArrayList<JsonNode>();
        for (int i = 0; i < page.size(); i++) {
            entries.add(page.get(i));
        }
        return new Page(entries, next(response, address).orElse(null));
    }

    private boolean sameHost(URI uri) {
        return Objects.equals(uri.getScheme(), apiBase.getScheme()) && Objects.equals(uri.getHost(), apiBase.getHost())
                && uri.getPort() == apiBase.getPort();
    }

    private Optional<URI> next(HttpResponse<String> response, URI current) {
        for (var header : response.headers().allValues("Link")) {
            var link = LINK.matcher(header);
            while (link.find()) {
                if (!List.of(link.group(2).strip().split("\\s+")).contains("next")) {
                    continue;
                }
                URI uri;
                try {
                    uri = current.resolve(link.group(1).strip());
                }
                catch (IllegalArgumentException unreadable) {
                    throw new GitHubFailure("GitHub's link to the next page cannot be read.", unreadable);
                }
                if (!sameHost(uri)) {
                    throw new GitHubFailure("GitHub's link to the next page leads to another host (" + uri.getHost()
                            + "); the token is not sent there.");
                }
                return Optional.of(uri);
            }
        }
        return Optional.empty();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "Refinery-Tracker-Sync/1");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (HttpTimeoutException slow) {
            throw new GitHubFailure("GitHub did not answer within " + TIMEOUT.toSeconds() + " seconds.", slow);
        }
        catch (IOException unreachable) {
            throw new GitHubFailure("GitHub could not be reached at " + apiBase.getHost() + ".", unreachable);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new GitHubFailure("Stopped while waiting for GitHub.", interrupted);
        }
    }

    private void check(HttpResponse<String> response, String owner, String repo) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        var headers = response.headers();
        if (status == 401) {
            throw new GitHubFailure("GitHub refused the token: it is wrong, expired or revoked.");
        }
        if (status == 403 || status == 429) {
            var retryAfter = headers.firstValue("Retry-After").flatMap(value -> RetryAfter.when(value, clock.instant()));
            var remaining = headers.firstValue("x-ratelimit-remaining").map(String::strip);
            if (retryAfter.isPresent()) {
                throw new GitHubRateLimited(retryAfter.get());
            }
            if (remaining.filter("0"::equals).isPresent()) {
                throw new GitHubRateLimited(headers.firstValue("x-ratelimit-reset").flatMap(GitHubIssuesClient::epochSeconds)
                    .orElse(clock.instant().plus(RATE_LIMIT_WAIT)));
            }
            if (status == 429) {
                throw new GitHubRateLimited(clock.instant().plus(RATE_LIMIT_WAIT));
            }
            throw new GitHubFailure("GitHub refused access: the token may not read or label this repository's issues.");
        }
        if (status == 404) {
            throw new GitHubFailure("GitHub: repository not found or not visible to the token (" + owner + "/" + repo + ").");
        }
        if (status == 410) {
            throw new GitHubFailure("GitHub: issues are turned off for this repository.");
        }
        if (status >= 300 && status < 400) {
            throw new GitHubFailure("GitHub answered with a redirect (HTTP " + status
                    + "): the repository may have moved or been renamed; check its owner and name.");
        }
        if (status >= 500) {
            throw new GitHubFailure("GitHub is not answering as it should (HTTP " + status + "); try again later.");
        }
        throw new GitHubFailure("GitHub rejected the request (HTTP " + status + ")" + message(response.body()) + ".");
    }

    private static Optional<Instant> epochSeconds(String value) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
        }
        catch (NumberFormatException | DateTimeException notSeconds) {
            return Optional.empty();
        }
    }

    private static String message(String body) {
        try {
            var answer = JSON.readTree(body);
            var message = answer != null && answer.isObject() ? string(answer.get("message")) : null;
            return message == null || message.isBlank() ? ""
                    : ": " + (message.length() > 200 ? message.substring(0, 199) + "…" : message.strip());
        }
        catch (JacksonException notJson) {
            return "";
        }
    }

    /** An issue from its JSON; pull requests and entries without a number or title are none. */
    private static Optional<GitHubIssue> issue(JsonNode entry) {
        if (entry == null || !entry.isObject() || entry.has("pull_request")) {
            return Optional.empty();
        }
        var number = entry.get("number");
        var title = string(entry.get("title"));
        if (number == null || !number.isIntegralNumber() || !number.canConvertToInt() || title == null) {
            return Optional.empty();
        }
        var labels = new ArrayList<String>();
        var names = entry.get("labels");
        if (names != null && names.isArray()) {
            for (int i = 0; i < names.size(); i++) {
                var label = names.get(i);
                var name = label.isObject() ? string(label.get("name")) : string(label);
                if (name != null) {
                    labels.add(name);
                }
            }
        }
        Instant updatedAt = null;
        var updated = string(entry.get("updated_at"));
        if (updated != null) {
            try {
                updatedAt = Instant.parse(updated);
            }
            catch (DateTimeException unreadable) {
                updatedAt = null;
            }
        }
        return Optional.of(new GitHubIssue(number.intValue(), title, string(entry.get("body")),
                string(entry.get("state")), labels, string(entry.get("html_url")), updatedAt));
    }

    private static String string(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** Percent-encoding for a path segment or query value: spaces as %20, since a path keeps "+" as it is. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
