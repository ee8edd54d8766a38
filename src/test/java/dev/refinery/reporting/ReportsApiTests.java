package dev.refinery.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports on a team with a generated history of known throughput: two items of 5 points done in each of four
 * one-week iterations, so 10 points an iteration and nothing else to draw from. On each database (see the subclasses).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Replacing.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ReportsApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    MovableClock clock;

    People people;
    Account ana;
    String team;
    LocalDate firstStart;

    @BeforeEach
    void team() {
        people = new People(accounts, mvc);
        ana = people.someone("Ana");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), ana.id());
        firstStart = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(put("/iterations", """
                {"lengthWeeks": 1, "firstStart": "%s", "timeZone": "UTC", "version": 0}""".formatted(firstStart)))
            .hasStatusOk();
    }

    @Test
    void forecastsTheQueueFromAHistoryOfKnownThroughput() {
        for (int iteration = 0; iteration < 4; iteration++) {
            done(create("Done early " + iteration, 5, null), 2);
            done(create("Done late " + iteration, 5, null), iteration == 3 ? 12 : 3);
            clock.move(Duration.ofDays(7));
            if (iteration == 1) {
                var early = body(get("/forecast"));
                assertThat(early.get("tooLittleData").asBoolean()).isTrue();
                assertThat(early.get("message").asString()).startsWith("Too little data");
                assertThat(early.get("lines").size()).isZero();
            }
        }
        for (int i = 0; i < 5; i++) {
            create("Queued " + i, 5, null);
        }
        var endOfThisIteration = firstStart.plusDays(4 * 7 + 6);
        var urgent = create("Needed by Friday", 20, endOfThisIteration);

        var velocity = body(get("/velocity"));
        assertThat(velocity.get("enoughData").asBoolean()).isTrue();
        assertThat(velocity.get("lines").size()).isEqualTo(4);
        for (var line : velocity.get("lines")) {
            assertThat(line.get("points").decimalValue()).isEqualByComparingTo("10");
            assertThat(line.get("items").asInt()).isEqualTo(2);
        }
        assertThat(velocity.get("lines").get(0).get("start").asString()).isEqualTo(firstStart.toString());
        assertThat(velocity.get("meanPoints").asDouble()).isEqualTo(10.0);
        assertThat(velocity.get("spreadPoints").asDouble()).isZero();
        assertThat(mvc.get().uri("/teams/" + team + "/reports/velocity").with(user(people.signedIn(ana)))).hasStatusOk()
            .bodyText().as("no spread to draw over the mean's label").contains(">mean</text>").doesNotContain("1 sd", "class=\"spread\"");

        var forecast = body(get("/forecast"));
        assertThat(forecast.get("tooLittleData").asBoolean()).isFalse();
        assertThat(forecast.get("unit").asString()).isEqualTo("points");
        assertThat(forecast.get("runs").asInt()).isEqualTo(10_000);
        assertThat(forecast.get("lines").size()).isEqualTo(6);
        var cumulative = 0;
        for (var line : forecast.get("lines")) {
            cumulative += line.get("size").asInt();
            var iterations = (cumulative + 9) / 10;
            var implied = firstStart.plusDays((4 + iterations) * 7L - 1).toString();
            assertThat(line.get("p50").asString()).as(line.get("key").asString()).isEqualTo(implied);
            assertThat(line.get("p85").asString()).as(line.get("key").asString()).isEqualTo(implied);
            if (line.get("key").asString().equals(urgent)) {
                assertThat(line.get("atRisk").asBoolean()).isTrue();
                assertThat(line.get("likelihood").asInt()).isZero();
                assertThat(line.get("badge").asString()).isEqualTo("0 % by " + day(endOfThisIteration));
            }
            else {
                assertThat(line.get("atRisk").asBoolean()).isFalse();
            }
        }

        assertThat(mvc.get().uri("/teams/" + team + "/queue").with(user(people.signedIn(ana)))).hasStatusOk().bodyText()
            .contains("At risk: 0 % by " + day(endOfThisIteration));
        assertThat(mvc.get().uri("/teams/" + team + "/items/" + urgent).with(user(people.signedIn(ana)))).hasStatusOk()
            .bodyText().contains("Deadline at risk: 0 % by " + day(endOfThisIteration));

        assertThat(mvc.get().uri("/teams/" + team).with(user(people.signedIn(ana)))).hasStatusOk().bodyText()
            .contains("Refinement health")
            .contains("Of the top 6 items of the queue, <strong>0</strong> are ready and <strong>6</strong> still need refinement.")
            .contains("No closed session yet.");

        var accuracy = body(get("/accuracy"));
        assertThat(accuracy.get("measuredItems").asInt()).isEqualTo(8);
        var five = accuracy.get("groups").get(0);
        assertThat(five.get("estimate").asString()).isEqualTo("5 pt");
        assertThat(five.get("items").asInt()).isEqualTo(8);
        assertThat(five.get("median").asDouble()).isEqualTo(2.5);
        assertThat(five.get("outliers").get(0).asDouble()).isEqualTo(12.0);
        assertThat(accuracy.get("overruns").size()).isEqualTo(1);
        assertThat(accuracy.get("overruns").get(0).get("actualDays").asDouble()).isEqualTo(12.0);
        assertThat(accuracy.get("trend").size()).isEqualTo(4);
    }

    @Test
    void showsWhatEachClosedSessionGotThroughAgainstItsTimeBoxOnTheTeamPage() {
        var pay = create("Pay by SEPA", 5, null);
        var refund = create("Refunds", 5, null);
        var first = session("Checkout refinement", pay, 5, refund, 10);
        assertThat(post(first + "/start", "{}")).hasStatusOk();
        clock.move(Duration.ofMinutes(6));
        agree(pay, "3");
        assertThat(putJson(first + "/current", "{\"itemKey\": \"%s\"}".formatted(refund))).hasStatusOk();
        clock.move(Duration.ofMinutes(3));
        assertThat(putJson(first + "/outcomes/" + refund, "{\"outcome\": \"needs-design\"}")).hasStatusOk();
        assertThat(post(first + "/close", "{}")).hasStatusOk();

        clock.move(Duration.ofDays(7));
        var search = create("Search orders", 5, null);
        var export = create("Export to CSV", 5, null);
        var audit = create("Audit trail", 5, null);
        var second = session("Orders refinement", search, 5, export, 5, audit, 5);
        assertThat(post(second + "/start", "{}")).hasStatusOk();
        clock.move(Duration.ofMinutes(4));
        agree(search, "8");
        assertThat(putJson(second + "/current", "{\"itemKey\": \"%s\"}".formatted(export))).hasStatusOk();
        clock.move(Duration.ofMinutes(2));
        assertThat(putJson(second + "/current", "{\"itemKey\": \"%s\"}".formatted(audit))).hasStatusOk();
        clock.move(Duration.ofMinutes(3));
        assertThat(putJson(second + "/outcomes/" + audit, "{\"outcome\": \"skipped\", \"note\": \"Legal owns it\"}")).hasStatusOk();
        assertThat(post(second + "/close", "{}")).hasStatus(HttpStatus.CONFLICT);
        assertThat(post(second + "/close", "{\"note\": \"Out of time\"}")).hasStatusOk();

        var page = mvc.get().uri("/teams/" + team).with(user(people.signedIn(ana))).exchange();
        assertThat(page).hasStatusOk().bodyText()
            .containsSubsequence(
                "<th scope=\"row\">Orders refinement</th><td>3</td><td>1</td><td>3 (5)</td><td>67 %</td>",
                "<th scope=\"row\">Checkout refinement</th><td>2</td><td>1</td><td>4.5 (7.5)</td><td>100 %</td>")
            .as("the chart runs from the older session to the newer")
            .containsSubsequence("Items estimated per session, the last 2 closed sessions, oldest first</title>", "Checkout refinement: 1 estimated, 4.5 minutes per item (time box 7.5)",
                "Orders refinement: 1 estimated, 3 minutes per item (time box 5)");
    }

    @Test
    void movingAnItemToTheTopOrHalvingTheCapacityMovesItsDates() {
        for (int iteration = 0; iteration < 3; iteration++) {
            done(create("Done " + iteration, 10, null), 4);
            clock.move(Duration.ofDays(7));
        }
        create("First", 10, null);
        var last = create("Last", 10, null);

        var moved = body(get("/forecast?moveToTop=" + last));
        assertThat(moved.get("lines").get(0).get("key").asString()).isEqualTo(last);
        assertThat(moved.get("lines").get(0).get("p85").asString()).isEqualTo(firstStart.plusDays(4 * 7 - 1).toString());
        var halved = body(get("/forecast?capacity=50"));
        assertThat(halved.get("lines").get(1).get("p85").asString()).isEqualTo(firstStart.plusDays(7 * 7 - 1).toString());
        assertThat(get("/forecast?capacity=0")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get("/forecast?moveToTop=NOPE-1")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void exportsEachReportAsCsv() {
        done(create("Done", 3, null), 1.5);
        assertThat(mvc.get().uri("/teams/" + team + "/reports/velocity").with(user(people.signedIn(ana)))).hasStatusOk()
            .bodyText().as("done only in the current iteration").contains("Nothing to show yet").doesNotContain("last 0");
        assertThat(get("/velocity/csv")).hasStatusOk().bodyText().startsWith("iteration,start,end,items,points,days");
        assertThat(get("/forecast/csv")).hasStatusOk().bodyText().startsWith("position,key,title");
        assertThat(get("/accuracy/csv")).hasStatusOk().bodyText().contains("3 pt,1,1.5,1.5,1.5,1.5,1.5,");
    }

    @Test
    void keepsTheReportsToTheTeamsMembersAndTheIterationsToItsLeads() {
        var stranger = people.someone("Sam");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/reports/forecast").with(People.basic(stranger)))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(put("/iterations", """
                {"lengthWeeks": 5, "firstStart": "%s", "timeZone": "Mars/Olympus", "version": 1}""".formatted(firstStart)))
            .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("lengthWeeks").contains("timeZone");
        assertThat(put("/iterations", """
                {"lengthWeeks": 2, "firstStart": "%s", "timeZone": "Europe/Berlin", "version": 0}""".formatted(firstStart)))
            .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void refusesAnActualThatIsNotAPositiveNumberOfHalfDays() {
        var key = create("Odd", 3, null);
        var item = "/api/v1/teams/" + team + "/items/" + key;
        assertThat(patch(item, "\"1\"", "{\"actual\": {\"days\": 0.3}}")).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
            .contains("actual.days");
        assertThat(patch(item, "\"1\"", "{\"actual\": {\"days\": 0}}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(patch(item, "\"1\"", "{\"actual\": {\"days\": 1.5}}")).hasStatusOk().bodyJson()
            .extractingPath("$.actual.days").isEqualTo(1.5);
    }

    private static String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
    }

    private String create(String title, int points, LocalDate deadline) {
        var created = people.postJson("/api/v1/teams/" + team + "/items", ana, """
                {"title": "%s", "estimate": {"value": %d, "unit": "points"}%s}""".formatted(title, points,
                deadline == null ? "" : ", \"deadline\": \"" + deadline + "\"")).exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return body(created).get("key").asString();
    }

    private void done(String key, double actualDays) {
        assertThat(patch("/api/v1/teams/" + team + "/items/" + key, "\"1\"", """
                {"status": "done", "actual": {"days": %s}}""".formatted(actualDays))).hasStatusOk();
    }

    private String session(String title, Object... keysAndTimeBoxes) {
        var planned = post("/api/v1/teams/" + team + "/sessions", """
                {"title": "%s", "startsAt": "%s", "durationMinutes": "60"}""".formatted(title,
                java.time.LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0).withSecond(0)));
        assertThat(planned).hasStatus(HttpStatus.CREATED);
        var base = planned.getResponse().getHeader("Location").replaceAll(".*(/api/)", "$1");
        var agenda = new java.util.StringJoiner(", ", "{\"items\": [", "]}");
        for (int i = 0; i < keysAndTimeBoxes.length; i += 2) {
            agenda.add("{\"key\": \"%s\", \"timeBoxMinutes\": %s}".formatted(keysAndTimeBoxes[i], keysAndTimeBoxes[i + 1]));
        }
        assertThat(putJson(base + "/agenda", agenda.toString())).hasStatusOk();
        return base;
    }

    private void agree(String key, String card) {
        var rounds = "/api/v1/teams/" + team + "/items/" + key + "/rounds";
        var round = post(rounds, "{}").getResponse().getHeader("Location").replaceAll(".*/", "");
        assertThat(putJson(rounds + "/" + round + "/votes/me", "{\"card\": \"%s\"}".formatted(card))).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(post(rounds + "/" + round + "/agree", "{\"card\": \"%s\"}".formatted(card))).hasStatusOk();
    }

    private MvcTestResult post(String uri, String json) {
        return people.postJson(uri, ana, json).exchange();
    }

    private MvcTestResult get(String path) {
        return mvc.get().uri("/api/v1/teams/" + team + "/reports" + path).with(People.basic(ana)).exchange();
    }

    private MvcTestResult put(String path, String json) {
        return mvc.put().uri("/api/v1/teams/" + team + "/reports" + path).with(People.basic(ana))
            .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult putJson(String uri, String json) {
        return mvc.put().uri(uri).with(People.basic(ana)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult patch(String uri, String ifMatch, String json) {
        return mvc.patch().uri(uri).with(People.basic(ana)).contentType(MediaType.APPLICATION_JSON).header("If-Match", ifMatch)
            .content(json).exchange();
    }

    private static JsonNode body(MvcTestResult result) {
        try {
            return JSON.readTree(result.getResponse().getContentAsString());
        }
        catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
