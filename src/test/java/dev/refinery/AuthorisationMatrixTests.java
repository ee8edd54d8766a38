package dev.refinery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.backlog.Workstreams;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.exchange.SyncForm;
import dev.refinery.exchange.WebhookForm;
import dev.refinery.exchange.Webhooks;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.ApiTokens;
import dev.refinery.identity.NewApiToken;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.meeting.GuestAccess;
import dev.refinery.meeting.LiveMeetings;
import dev.refinery.meeting.MeetingQuestions;
import dev.refinery.meeting.RefinementSessions;
import dev.refinery.meeting.SessionPlan;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The authorisation matrix, {@code src/test/resources/authorisation-matrix.csv}: for every operation of the OpenAPI
 * document and every page route of Spring MVC, what each principal gets. One run calls every cell on the application
 * and lists every difference at once; a route without a row, or a row without a route, fails too.
 * <p>
 * A cell is {@code ok} when the principal may do it: any 2xx or 3xx answer, or 400, 409 or 422, as the requests carry
 * no valid body on purpose (an empty JSON object, a form without fields) -- except a redirect to the sign-in page, which
 * is {@code sign-in}, or to a guest link's join page, {@code join}. A refusal is exact: {@code 401}, {@code 403},
 * {@code 404}, {@code sign-in} or {@code join}. Spring Boot's {@code /error}, where the server itself forwards failures,
 * is no route of the application and has no row. Every call that could
 * change something runs against a team of its own, built afresh, so that no cell depends on another. On each database
 * (see the subclasses).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class AuthorisationMatrixTests {

    static final Path MATRIX = Path.of("src/test/resources/authorisation-matrix.csv");
    static final Path README = Path.of("README.md");
    static final List<String> PRINCIPALS = List.of("anonymous", "guest", "observer", "engineer", "pm", "facilitator",
            "other-team", "admin", "read-only-token");

    /**
     * Requests that would be refused for their missing fields before anybody's rights were looked at carry valid
     * fields ({@code ${name}} is a value of the fixture): form fields for pages, a JSON body for the API. Every other
     * write sends an empty form or an empty JSON object.
     */
    private static final Map<String, String> VALID = Map.ofEntries(
            Map.entry("GET /teams/{team}/exports/queue", "format=csv"),
            Map.entry("POST /guest/{token}/poker/vote", "round=${round}&card=5"),
            Map.entry("POST /teams/{key}/members", "email=${someone-email}&role=observer"),
            Map.entry("POST /teams/{key}/members/{account}/role", "role=pm"),
            Map.entry("POST /teams/{team}/items/{item}/poker/agree", "round=${round}&card=5"),
            Map.entry("POST /teams/{team}/items/{item}/poker/reason", "round=${round}&text=Why"),
            Map.entry("POST /teams/{team}/items/{item}/poker/reveal", "round=${round}"),
            Map.entry("POST /teams/{team}/items/{item}/poker/vote", "round=${round}&card=5"),
            Map.entry("POST /teams/{team}/items/{item}/split", "titles=One%0ATwo&version=0"),
            Map.entry("POST /teams/{team}/poker", "kind=fibonacci&unit=points"),
            Map.entry("POST /teams/{team}/queue/pins", "item=${item}&anchor=${second}&placement=above"),
            Map.entry("POST /teams/{team}/queue/unpin", "item=${item}"),
            Map.entry("POST /teams/{team}/scoring", "model=wsjf&daysPerPoint=1&horizonDays=30&version=0&action=save"),
            Map.entry("POST /teams/{team}/sessions/{id}/agenda", "item=${third}"),
            Map.entry("POST /teams/{team}/sessions/{id}/agenda/remove", "item=${second}"),
            Map.entry("POST /teams/{team}/sessions/{id}/outcomes", "item=${item}&outcome=deferred"),
            Map.entry("POST /teams/{team}/sessions/{id}/phase", "phase=questions"),
            Map.entry("POST /teams/{team}/sessions/{id}/pre-votes", "item=${second}"),
            Map.entry("POST /teams/{team}/workstreams/archive", "name=Payments"),
            Map.entry("POST /teams/{team}/reports/iterations", "lengthWeeks=2&firstStart=2026-01-05&timeZone=UTC&version=0"),
            Map.entry("POST /teams/{team}/webhooks", "url=http%3A%2F%2F127.0.0.1%3A9%2Fhook&events=item.created"),
            Map.entry("POST /teams/{team}/webhooks/{id}", "url=http%3A%2F%2F127.0.0.1%3A9%2Fhook&events=item.created&active=true&version=0"),
            Map.entry("PUT /api/v1/teams/{team}/poker", "{\"deck\": \"fibonacci\", \"version\": 0}"),
            Map.entry("PUT /api/v1/teams/{team}/reports/iterations", "{\"lengthWeeks\": 2, \"firstStart\": \"2026-01-05\", \"timeZone\": \"UTC\", \"version\": 0}"),
            Map.entry("POST /api/v1/teams/{team}/webhooks", "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"item.created\"]}"),
            Map.entry("PUT /api/v1/teams/{team}/webhooks/{id}", "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"item.created\"], \"active\": true, \"version\": 0}"),
            Map.entry("POST /api/v1/teams/{key}/members", "{\"email\": \"${someone-email}\", \"role\": \"observer\"}"),
            Map.entry("PUT /api/v1/teams/{key}/members/{account}", "{\"role\": \"pm\"}"),
            Map.entry("PUT /api/v1/teams/{team}/items/{item}/pin", "{\"above\": \"${second}\"}"),
            Map.entry("PUT /api/v1/teams/{team}/sessions/{id}/current", "{\"itemKey\": \"${second}\"}"),
            Map.entry("PUT /api/v1/teams/{team}/sessions/{id}/outcomes/{item}", "{\"outcome\": \"deferred\"}"),
            Map.entry("PUT /api/v1/teams/{team}/items/{item}/rounds/{round}/votes/me", "{\"card\": \"5\"}"),
            Map.entry("POST /api/v1/teams/{team}/items/{item}/rounds/{round}/agree", "{\"card\": \"5\"}"),
            Map.entry("POST /api/v1/teams/{team}/items/{item}/rounds/{round}/risks", "{\"text\": \"Bank holidays\"}"),
            Map.entry("POST /api/v1/teams/{team}/restore", "${backup}"),
            Map.entry("PUT /api/v1/teams/{team}/scoring", "${scoring}"),
            Map.entry("PUT /api/v1/teams/{team}/template", "${template}"));

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)(?::(?:[^{}]|\\{[^}]*})*)?}");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MockMvc mockMvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    ApiTokens tokens;

    @Autowired
    BacklogItems items;

    @Autowired
    RefinementSessions sessions;

    @Autowired
    LiveMeetings live;

    @Autowired
    MeetingQuestions questions;

    @Autowired
    GuestAccess guests;

    @Autowired
    PokerRounds rounds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Workstreams workstreams;

    @Autowired
    Webhooks webhooks;

    @Autowired
    dev.refinery.exchange.TrackerSyncs syncs;

    @Autowired
    JsonMapper json;

    /** The people of every fixture, made once: each gets a read-write token for the API, the facilitator also a read-only one. */
    record Cast(Account admin, Account observer, Account engineer, Account pm, Account facilitator, Account outsider,
            Account someone, Map<String, String> bearer, String backup) {
    }

    /** A team as the matrix calls it: its items, a live session with a question, a poker round, a guest, an import. */
    record Fixture(Map<String, String> values, Cookie guest) {
    }

    @Test
    void everyOperationAndRouteAnswersEachPrincipalAsTheMatrixSays() {
        var cast = cast();
        var rows = matrix();
        var routes = routes();
        var problems = new ArrayList<String>();
        for (var route : routes) {
            if (!rows.containsKey(route)) {
                problems.add(route + ": no row in " + MATRIX);
            }
        }
        for (var row : rows.keySet()) {
            if (!routes.contains(row)) {
                problems.add(row + ": a row of " + MATRIX + " for a route that does not exist");
            }
        }
        var shared = fixture(cast, "everything");
        var observed = new LinkedHashMap<String, List<String>>();
        for (var route : routes) {
            var method = route.substring(0, route.indexOf(' '));
            var path = route.substring(route.indexOf(' ') + 1);
            var expected = rows.get(route);
            var cells = new ArrayList<String>();
            for (var i = 0; i < PRINCIPALS.size(); i++) {
                // A refusal changes nothing, so only a call that may change something needs a team of its own.
                var fresh = !method.equals("GET") && (expected == null || expected.get(i).equals("ok"));
                var fixture = fresh ? fixture(cast, path) : shared;
                cells.add(call(method, path, PRINCIPALS.get(i), cast, fixture));
            }
            observed.put(route, cells);
            if (expected != null) {
                for (var i = 0; i < PRINCIPALS.size(); i++) {
                    if (!expected.get(i).equals(cells.get(i))) {
                        problems.add(route + " as " + PRINCIPALS.get(i) + ": expected " + expected.get(i) + ", got "
                                + cells.get(i));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            writeObserved(observed);
        }
        assertThat(problems).as("differences from %s (what the app answered is in target/authorisation-matrix-observed.csv)",
                MATRIX).isEmpty();
    }

    /** The README's table of rights says for each operation it names what the matrix says, in ticks and dashes. */
    @Test
    void theReadmeTableOfRightsAgreesWithTheMatrix() throws IOException {
        var rows = matrix();
        var lines = Files.readAllLines(README);
        var start = lines.indexOf("### Who may do what");
        assertThat(start).as("the README section 'Who may do what'").isNotNegative();
        var checked = 0;
        var problems = new ArrayList<String>();
        var row = Pattern.compile("^\\| (.+?) \\(`([A-Z]+ [^`]+)`\\) \\|(.*)\\|$");
        for (var line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            var found = row.matcher(line);
            if (!found.matches()) {
                continue;
            }
            var route = found.group(2);
            var marks = List.of(found.group(3).split("\\|")).stream().map(String::strip).toList();
            var expected = rows.get(route);
            if (expected == null) {
                problems.add(route + " is in the README but not in the matrix");
                continue;
            }
            assertThat(marks).as("the marks of %s", route).hasSize(PRINCIPALS.size());
            for (var i = 0; i < PRINCIPALS.size(); i++) {
                var allowed = expected.get(i).equals("ok");
                if (allowed != marks.get(i).equals("✓")) {
                    problems.add(route + " as " + PRINCIPALS.get(i) + ": the README says " + marks.get(i)
                            + ", the matrix " + expected.get(i));
                }
            }
            checked++;
        }
        assertThat(checked).as("rows of the README's table").isGreaterThanOrEqualTo(8);
        assertThat(problems).isEmpty();
    }

    private String call(String method, String template, String principal, Cast cast, Fixture fixture) {
        var path = path(template, fixture);
        var api = template.startsWith("/api/");
        var valid = VALID.containsKey(method + " " + template) ? filled(VALID.get(method + " " + template), fixture) : null;
        if (method.equals("GET") && valid != null) {
            path = path + "?" + valid;
        }
        var upload = api && method.equals("POST") && template.endsWith("/imports")
                ? mvc.post().uri(path).multipart().file("file", new byte[0])
                : !api && method.equals("POST") && template.endsWith("/restore")
                ? mvc.post().uri(path).multipart().file("backup", cast.backup().getBytes(StandardCharsets.UTF_8)).with(csrf())
                    .accept(MediaType.TEXT_HTML, MediaType.ALL)
                : null;
        if (upload != null) {
            upload = switch (principal) {
                case "anonymous" -> upload;
                case "guest" -> upload.cookie(fixture.guest());
                case "read-only-token" -> upload.header(HttpHeaders.AUTHORIZATION, "Bearer " + cast.bearer().get(principal));
                default -> api
                        ? upload.header(HttpHeaders.AUTHORIZATION, "Bearer " + cast.bearer().get(principal))
                        : upload.with(user(accounts.loadUserByUsername(account(cast, principal).email())));
            };
            return status(perform(upload));
        }
        var request = switch (method) {
            case "GET" -> mvc.get().uri(path);
            case "POST" -> mvc.post().uri(path);
            case "PUT" -> mvc.put().uri(path);
            case "PATCH" -> mvc.patch().uri(path);
            case "DELETE" -> mvc.delete().uri(path);
            default -> throw new IllegalStateException(method);
        };
        if (!method.equals("GET") && !method.equals("DELETE")) {
            if (api) {
                request = request.contentType(method.equals("PATCH") ? MediaType.valueOf("application/merge-patch+json")
                        : MediaType.APPLICATION_JSON).content(valid != null ? valid : "{}");
            }
            else if (valid != null) {
                request = request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(valid);
            }
        }
        if (!api) {
            // As a browser asks: a page refuses it with the sign-in page, not with HTTP Basic's challenge.
            request = request.with(csrf()).accept(MediaType.TEXT_HTML, MediaType.ALL);
        }
        if (api && (method.equals("PATCH") || method.equals("DELETE")) && template.endsWith("/items/{item}")) {
            // A version long gone: whoever may edit gets 412, the version check; nobody else gets that far.
            request = request.header(HttpHeaders.IF_MATCH, "\"999\"");
        }
        request = as(request, principal, api, cast, fixture);
        return status(perform(request));
    }

    /**
     * The answer to a request; an answer that goes on (a live page's event stream) is taken as it started, an
     * asynchronous one that ends (a download) once it ended.
     */
    private MockHttpServletResponse perform(RequestBuilder request) {
        try {
            return performed(request);
        }
        catch (IllegalStateException failed) {
            // What a server answers to an exception that nothing handled.
            var response = new MockHttpServletResponse();
            response.setStatus(500);
            return response;
        }
    }

    private MockHttpServletResponse performed(RequestBuilder request) {
        try {
            var result = mockMvc.perform(request).andReturn();
            if (result.getRequest().isAsyncStarted() && !result.getRequest().getRequestURI().matches(".*/live(/.*)?")) {
                return mockMvc.perform(MockMvcRequestBuilders.asyncDispatch(result)).andReturn().getResponse();
            }
            return result.getResponse();
        }
        catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private MockMvcRequestBuilder as(MockMvcRequestBuilder request, String principal, boolean api, Cast cast, Fixture fixture) {
        return switch (principal) {
            case "anonymous" -> request;
            case "guest" -> request.cookie(fixture.guest());
            case "read-only-token" -> request.header(HttpHeaders.AUTHORIZATION, "Bearer " + cast.bearer().get(principal));
            default -> api
                    ? request.header(HttpHeaders.AUTHORIZATION, "Bearer " + cast.bearer().get(principal))
                    : request.with(user(accounts.loadUserByUsername(account(cast, principal).email())));
        };
    }

    private static String status(MockHttpServletResponse response) {
        var status = response.getStatus();
        var location = response.getRedirectedUrl();
        var to = location == null ? "" : location.replaceFirst("^https?://[^/]+", "");
        if (status == 302 && to.startsWith("/sign-in")) {
            return "sign-in";
        }
        if (status == 302 && to.startsWith("/join/")) {
            return "join";
        }
        if (status >= 200 && status < 400 || status == 400 || status == 409 || status == 412 || status == 422) {
            return "ok";
        }
        return Integer.toString(status);
    }

    private static Account account(Cast cast, String principal) {
        return switch (principal) {
            case "observer" -> cast.observer();
            case "engineer" -> cast.engineer();
            case "pm" -> cast.pm();
            case "facilitator" -> cast.facilitator();
            case "other-team" -> cast.outsider();
            case "admin" -> cast.admin();
            default -> throw new IllegalArgumentException(principal);
        };
    }

    private static String filled(String text, Fixture fixture) {
        var placeholders = Pattern.compile("\\$\\{([a-z-]+)}").matcher(text);
        var filled = new StringBuilder();
        while (placeholders.find()) {
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(fixture.values().get(placeholders.group(1))));
        }
        placeholders.appendTail(filled);
        return filled.toString();
    }

    private static String path(String template, Fixture fixture) {
        Matcher variables = VARIABLE.matcher(template);
        var path = new StringBuilder();
        while (variables.find()) {
            var name = variables.group(1);
            var before = template.substring(0, variables.start());
            var key = name.equals("id") ? idOf(before) : name;
            var value = fixture.values().get(key);
            if (value == null) {
                throw new IllegalStateException("No fixture value for {" + name + "} in " + template);
            }
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        return path.toString();
    }

    /** What an {@code {id}} stands for: the collection it follows names it. */
    private static String idOf(String before) {
        var collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
        return switch (collection) {
            case "sessions" -> "session";
            case "imports" -> "import";
            case "accounts", "users" -> "someone";
            case "tokens" -> "spare-token";
            case "webhooks" -> "webhook";
            case "runs" -> "sync-run";
            case "conflicts" -> "sync-conflict";
            default -> throw new IllegalStateException("An {id} after /" + collection + "/");
        };
    }

    private Cast cast() {
        var people = new People(accounts, mvc);
        var admin = people.administrator();
        var observer = people.someone("Olga Observer");
        var engineer = people.someone("Ben Engineer");
        var pm = people.someone("Pia Product");
        var facilitator = people.someone("Fay Facilitator");
        var outsider = people.someone("Otto Outsider");
        var someone = people.someone("Sam Someone");
        teams.create(new NewTeam("Elsewhere", People.newKey()), outsider.id());
        var bearer = new LinkedHashMap<String, String>();
        for (var entry : Map.of("observer", observer, "engineer", engineer, "pm", pm, "facilitator", facilitator,
                "other-team", outsider, "admin", admin).entrySet()) {
            bearer.put(entry.getKey(), tokens.issue(entry.getValue().id(), new NewApiToken("matrix", "read-write", 30)).secret());
        }
        bearer.put("read-only-token", tokens.issue(facilitator.id(), new NewApiToken("matrix", "read-only", 30)).secret());
        // A team's backup, valid to restore anywhere (into a team that is not empty it is refused with 409).
        var backedUp = People.newKey();
        teams.create(new NewTeam("Backed up", backedUp), outsider.id());
        var backup = body(mvc.get().uri("/api/v1/teams/" + backedUp + "/exports/backup")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer.get("other-team")).exchange());
        return new Cast(admin, observer, engineer, pm, facilitator, outsider, someone, bearer, backup);
    }

    /** A team for calls of this route ({@code everything}: for every route), with only what the route needs beyond the core. */
    private Fixture fixture(Cast cast, String route) {
        var everything = route.equals("everything");
        var key = People.newKey();
        var facilitator = cast.facilitator();
        teams.create(new NewTeam("Matrix", key), facilitator.id());
        teams.add(key, new NewMember(cast.observer().email(), "observer"), facilitator.id());
        teams.add(key, new NewMember(cast.engineer().email(), "engineer"), facilitator.id());
        teams.add(key, new NewMember(cast.pm().email(), "pm"), facilitator.id());
        var first = items.create(key, ItemPatch.empty().title("Pay by SEPA"), facilitator).key().toString();
        var second = items.create(key, ItemPatch.empty().title("Refund by card"), facilitator).key().toString();
        var third = items.create(key, ItemPatch.empty().title("Pay by invoice"), facilitator).key().toString();
        workstreams.create(key, "Payments", "", facilitator.id());
        var session = sessions.plan(key, new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), facilitator,
                ZoneOffset.UTC);
        sessions.replace(key, session.id(), List.of(first, second), List.of(10, 5), facilitator.id());
        var guestToken = guests.guestLink(key, session.id(), facilitator.id());
        live.start(key, session.id(), facilitator.id());
        questions.ask(key, session.id(), "Which banks?", cast.engineer());
        var question = jdbc.sql("SELECT MAX(id) FROM meeting_question WHERE session_id = :session")
            .param("session", session.id()).query(Long.class).single();
        var round = rounds.open(key, first, facilitator).id();
        var importId = everything || route.contains("/imports/") ? upload(key, cast) : -1;
        var facilitatorToken = "Bearer " + cast.bearer().get("facilitator");
        if (everything || route.contains("pin")) {
            mvc.put().uri("/api/v1/teams/" + key + "/items/" + first + "/pin").header(HttpHeaders.AUTHORIZATION, facilitatorToken)
                .contentType(MediaType.APPLICATION_JSON).content("{\"above\": \"" + second + "\"}").exchange();
        }
        var scoring = !everything && !route.contains("/scoring") ? "" : body(mvc.get().uri("/api/v1/teams/" + key + "/scoring").header(HttpHeaders.AUTHORIZATION, facilitatorToken)
            .exchange());
        var teamTemplate = !everything && !route.contains("/template") ? "" : body(mvc.get().uri("/api/v1/teams/" + key + "/template")
            .header(HttpHeaders.AUTHORIZATION, facilitatorToken).exchange());
        var spare = tokens.issue(facilitator.id(), new NewApiToken("spare", "read-write", 30)).token().id();
        var guest = new Cookie("SESSION", "none");
        if (everything || route.contains("/guest/") || route.contains("/join/")) {
            guest = mvc.get().uri("/join/" + guestToken).exchange().getResponse().getCookie("SESSION");
            mvc.post().uri("/join/" + guestToken).cookie(guest).with(csrf()).param("name", "Gina Guest").exchange();
        }
        long webhook = -1;
        long message = -1;
        if (everything || route.contains("/webhooks/")) {
            webhook = webhooks.create(key, new WebhookForm("http://127.0.0.1:9/hook", List.of("item.created"), true, null),
                    facilitator.id()).id();
            webhooks.sendTest(key, webhook, facilitator.id());
            message = jdbc.sql("SELECT MAX(id) FROM exchange_webhook_message WHERE webhook_id = :hook")
                .param("hook", webhook).query(Long.class).single();
        }
        long syncRun = -1;
        long syncConflict = -1;
        if (everything || route.contains("/sync")) {
            syncs.save(key, new SyncForm("jira", "http://127.0.0.1:9", "fay@example.com", "matrix-token", "project = PAY",
                    "customfield_10016", null, null, null), facilitator.id());
            var team = teams.team(key).orElseThrow().id().value();
            jdbc.sql("INSERT INTO exchange_sync_run (team_id, state, trigger_kind, started_at) VALUES (:team, 'done', 'manual', CURRENT_TIMESTAMP)")
                .param("team", team).update();
            syncRun = jdbc.sql("SELECT MAX(id) FROM exchange_sync_run WHERE team_id = :team").param("team", team)
                .query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO exchange_sync_conflict (team_id, item_key, field, theirs, ours, found_at)
                    VALUES (:team, :item, 'title', 'Pay by SEPA Instant', 'Pay by SEPA', CURRENT_TIMESTAMP)
                    """).param("team", team).param("item", first).update();
            syncConflict = jdbc.sql("SELECT MAX(id) FROM exchange_sync_conflict WHERE team_id = :team").param("team", team)
                .query(Long.class).single();
        }
        var values = new LinkedHashMap<String, String>();
        values.put("sync-run", Long.toString(syncRun));
        values.put("sync-conflict", Long.toString(syncConflict));
        values.put("team", key);
        values.put("key", key);
        values.put("item", first);
        values.put("scoring", scoring);
        values.put("template", teamTemplate);
        values.put("second", second);
        values.put("third", third);
        values.put("someone-email", cast.someone().email());
        values.put("backup", cast.backup());
        values.put("section", "description");
        values.put("session", Long.toString(session.id()));
        values.put("question", Long.toString(question));
        values.put("round", Long.toString(round));
        values.put("token", guestToken);
        values.put("room", "poker-" + second.substring(second.indexOf('-') + 1));
        values.put("import", Long.toString(importId));
        values.put("account", Long.toString(cast.engineer().id().value()));
        values.put("someone", Long.toString(cast.someone().id().value()));
        values.put("spare-token", Long.toString(spare));
        values.put("webhook", Long.toString(webhook));
        values.put("message", Long.toString(message));
        // a session of someone else, or none: signing it out changes nothing, and the page says so
        values.put("handle", "0000000000000000");
        return new Fixture(values, guest);
    }

    /** A CSV waiting for the mapping of its columns. */
    private long upload(String key, Cast cast) {
        var imported = mvc.post().uri("/api/v1/teams/" + key + "/imports")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + cast.bearer().get("facilitator"))
            .multipart().file(new org.springframework.mock.web.MockMultipartFile("file", "items.csv", "text/csv",
                    "Story,Size\nPay by SEPA,5\n".getBytes(StandardCharsets.UTF_8)))
            .param("format", "csv").exchange();
        return json.readTree(body(imported)).get("id").asLong();
    }

    /** Every operation of the OpenAPI document and every other route of Spring MVC, as {@code METHOD /path}. */
    private TreeSet<String> routes() {
        var routes = new TreeSet<String>();
        var document = json.readTree(body(mvc.get().uri("/v3/api-docs").exchange()));
        document.get("paths").properties().forEach(path -> path.getValue().properties()
            .forEach(operation -> routes.add(operation.getKey().toUpperCase() + " " + path.getKey())));
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (var pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.equals("/error")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    routes.add("GET " + pattern);
                }
                methods.forEach(method -> routes.add(method.name() + " " + pattern));
            }
        });
        return routes;
    }

    /** The matrix: for each {@code METHOD /path}, one cell per principal in the order of {@link #PRINCIPALS}. */
    static Map<String, List<String>> matrix() {
        var rows = new LinkedHashMap<String, List<String>>();
        try {
            var lines = Files.readAllLines(MATRIX);
            assertThat(lines.getFirst()).isEqualTo("method,path," + String.join(",", PRINCIPALS));
            for (var line : lines.subList(1, lines.size())) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                // A path may hold a comma ({room:[a-z0-9-]{1,60}}): the method comes first, the principals' cells last.
                var cells = List.of(line.split(","));
                assertThat(cells).as(line).hasSizeGreaterThanOrEqualTo(PRINCIPALS.size() + 2);
                var path = String.join(",", cells.subList(1, cells.size() - PRINCIPALS.size()));
                var route = cells.get(0) + " " + path;
                assertThat(rows.put(route, List.copyOf(cells.subList(cells.size() - PRINCIPALS.size(), cells.size()))))
                    .as("a second row for " + route).isNull();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void writeObserved(Map<String, List<String>> observed) {
        var text = new StringBuilder("method,path," + String.join(",", PRINCIPALS) + "\n");
        observed.forEach((route, cells) -> text.append(route.replace(' ', ',')).append(',')
            .append(String.join(",", cells)).append('\n'));
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/authorisation-matrix-observed.csv"), text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        }
        catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
