package dev.refinery.backlog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The backlog API as a client sees it, on each database (see the subclasses). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class BacklogApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String EVERY_SECTION = """
            {
              "title": "Pay by SEPA direct debit",
              "description": "## Why\\nCustomers in **Germany** ask for it.",
              "technicalNotes": "Use the provider's mandate API.",
              "links": [{"label": "Design", "url": "https://example.com/design"},
                        {"label": "Provider docs", "url": "http://docs.example.com/sepa"}],
              "acceptanceCriteria": [{"text": "A mandate is stored", "done": true},
                                     {"text": "Refunds work", "done": false}],
              "estimate": {"value": 1.5, "unit": "days"},
              "importance": {"businessValue": 8, "timeCriticality": 5, "riskReduction": 2},
              "deadline": "2026-12-24",
              "deadlineReason": "Christmas sales",
              "workstream": "Checkout",
              "labels": ["sepa", "payments", "Q4"],
              "status": "needs-refinement",
              "followUpOf": null,
              "splitFrom": null,
              "customFields": {"Component": "API", "Story count": "3", "Launch": "2027-01-15", "Security reviewed": "true",
                               "Notes": "Talk to legal"},
              "actual": {"days": 2.5}
            }""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    Workstreams workstreams;

    People people;
    Account ana;
    String team;

    @BeforeEach
    void team() {
        people = new People(accounts, mvc);
        ana = people.someone("Ana");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), ana.id());
        workstreams.create(team, "Checkout", "Paying for an order", ana.id());
        assertThat(put("/api/v1/teams/" + team + "/template", ana, """
                {"customFields": [
                   {"name": "Component", "type": "select", "options": ["API", "Web"], "requiredForReady": true},
                   {"name": "Story count", "type": "number", "options": [], "requiredForReady": false},
                   {"name": "Launch", "type": "date", "options": [], "requiredForReady": false},
                   {"name": "Security reviewed", "type": "checkbox", "options": [], "requiredForReady": false},
                   {"name": "Notes", "type": "text", "options": [], "requiredForReady": false}],
                 "definitionOfReady": ["description", "acceptanceCriteria", "estimate"],
                 "version": 0}""")).hasStatusOk();
    }

    @Test
    void roundTripsAnItemWithEverySectionExactly() {
        var created = post(items(), ana, EVERY_SECTION);
        assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("ETag", "\"1\"");
        var key = body(created).get("key").asString();

        var read = mvc.get().uri(items() + "/" + key).with(People.basic(ana)).exchange();

        assertThat(read).hasStatusOk().hasHeader("ETag", "\"1\"");
        assertThat(withoutServerFields(body(read))).isEqualTo(JSON.readTree(EVERY_SECTION));
        assertThat(body(read).get("key").asString()).isEqualTo(team + "-1");
        assertThat(body(read).get("readiness").get("ready").asBoolean()).isTrue();

        var unchanged = patch(items() + "/" + key, ana, "\"1\"", body(read).toString());
        assertThat(unchanged).hasStatusOk().hasHeader("ETag", "\"1\"");
        assertThat(mvc.get().uri(items() + "/" + key + "/history").with(People.basic(ana)))
            .bodyJson().extractingPath("$[*].version").asArray().containsOnly(1);
    }

    @Test
    void namesWhatIsMissingUntilTheItemIsReady() {
        var key = body(post(items(), ana, """
                {"title": "Remove the old card form", "workstream": "Checkout"}""")).get("key").asString();

        assertThat(mvc.get().uri(items() + "/" + key).with(People.basic(ana))).bodyJson()
            .extractingPath("$.readiness").isEqualTo(java.util.Map.of("ready", false,
                    "missing", java.util.List.of("description", "acceptance criteria", "estimate", "Component")));
        assertThat(patch(items() + "/" + key, ana, "\"1\"", """
                {"status": "ready"}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");

        var ready = patch(items() + "/" + key, ana, "\"1\"", """
                {"description": "It confuses people.", "acceptanceCriteria": [{"text": "The form is gone", "done": false}],
                 "estimate": {"value": 2, "unit": "points"}, "customFields": {"Component": "Web"}, "status": "ready"}""");

        assertThat(ready).hasStatusOk();
        assertThat(body(ready).get("readiness").get("ready").asBoolean()).isTrue();
        assertThat(body(ready).get("status").asString()).isEqualTo("ready");
    }

    @Test
    void recordsEveryChangeWithWhoChangedItAndTheValuesBeforeAndAfter() {
        var key = body(post(items(), ana, """
                {"title": "Retry failed payouts", "estimate": {"value": 3, "unit": "points"}}""")).get("key").asString();
        var ben = member("Ben", "engineer");

        patch(items() + "/" + key, ben, "\"1\"", """
                {"estimate": {"value": 5, "unit": "points"}, "labels": ["payouts"]}""").assertThat().hasStatusOk();

        var history = mvc.get().uri(items() + "/" + key + "/history").with(People.basic(ana)).exchange();
        assertThat(history).bodyJson().extractingPath("$[0]").isEqualTo(java.util.Map.of("version", 2,
                "at", body(history).get(0).get("at").asString(), "author", "Ben", "field", "estimate",
                "before", "3 pt", "after", "5 pt"));
        assertThat(history).bodyJson().extractingPath("$[*].field").asArray()
            .containsExactly("estimate", "labels", "title", "estimate");
    }

    @Test
    void refusesAStaleEditAndSaysWhatChangedInBetween() {
        var key = body(post(items(), ana, """
                {"title": "Retry failed payouts"}""")).get("key").asString();
        var ben = member("Ben", "engineer");
        patch(items() + "/" + key, ana, "\"1\"", """
                {"description": "Payouts fail on bank holidays."}""").assertThat().hasStatusOk();

        var stale = patch(items() + "/" + key, ben, "\"1\"", """
                {"description": "Something else entirely."}""");

        assertThat(stale).hasStatus(HttpStatus.PRECONDITION_FAILED).hasHeader("ETag", "\"2\"")
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(stale).get("detail").asString()).contains("Ana changed description", "not saved");
        assertThat(body(stale).get("changes").get(0).get("after").asString()).isEqualTo("Payouts fail on bank holidays.");
        assertThat(patch(items() + "/" + key, ben, null, """
                {"description": "Something else entirely."}""")).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(mvc.get().uri(items() + "/" + key).with(People.basic(ana))).bodyJson()
            .extractingPath("$.description").isEqualTo("Payouts fail on bank holidays.");
    }

    @Test
    void letsObserversReadButNotChange() {
        var key = body(post(items(), ana, """
                {"title": "Retry failed payouts"}""")).get("key").asString();
        var olga = member("Olga", "observer");

        assertThat(mvc.get().uri(items() + "/" + key).with(People.basic(olga))).hasStatusOk();
        assertThat(patch(items() + "/" + key, olga, "\"1\"", """
                {"title": "Observed"}""")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(items(), olga, """
                {"title": "Mine"}""")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri(items() + "/" + key).with(People.basic(olga)).header("If-Match", "\"1\""))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(items()).with(People.basic(ana))).bodyJson()
            .extractingPath("$.items[*].title").asArray().containsExactly("Retry failed payouts");
    }

    @Test
    void answersNotFoundToNonMembers() {
        var key = body(post(items(), ana, """
                {"title": "Secret work"}""")).get("key").asString();
        var eve = people.someone("Eve");

        assertThat(mvc.get().uri(items()).with(People.basic(eve))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(items() + "/" + key).with(People.basic(eve)))
            .hasStatus(HttpStatus.NOT_FOUND).bodyText().doesNotContain("Secret work");
        assertThat(patch(items() + "/" + key, eve, "\"1\"", "{\"title\": \"Mine\"}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(items() + "/" + key + "/history").with(People.basic(eve))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void rejectsFieldsOutOfBoundsNamingEachAndSavesNothing() {
        var rejected = post(items(), ana, """
                {"title": "%s", "links": [{"label": "Evil", "url": "javascript:alert(1)"}],
                 "acceptanceCriteria": [{"text": "", "done": false}], "importance": {"businessValue": 11},
                 "workstream": "Nowhere", "customFields": {"Component": "Desktop"}}""".formatted("x".repeat(256)));

        assertThat(rejected).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(rejected).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder(
                "title", "links[0].url", "acceptanceCriteria[0].text", "importance.businessValue", "workstream",
                "customFields.Component");
        assertThat(mvc.get().uri(items()).with(People.basic(ana))).bodyJson().extractingPath("$.total").isEqualTo(0);
    }

    @Test
    void numbersItemsPerTeamAndNeverReusesANumber() {
        post(items(), ana, "{\"title\": \"One\"}").assertThat().hasStatus(HttpStatus.CREATED);
        post(items(), ana, "{\"title\": \"Two\"}").assertThat().hasStatus(HttpStatus.CREATED);

        assertThat(mvc.delete().uri(items() + "/" + team + "-2").with(People.basic(ana)).header("If-Match", "\"1\""))
            .hasStatus(HttpStatus.NO_CONTENT);
        var third = post(items(), ana, "{\"title\": \"Three\"}");

        assertThat(body(third).get("key").asString()).isEqualTo(team + "-3");
        assertThat(mvc.get().uri(items()).with(People.basic(ana))).bodyJson()
            .extractingPath("$.items[*].key").asArray().containsExactly(team + "-1", team + "-3");
        assertThat(mvc.get().uri(items() + "?status=removed").with(People.basic(ana))).bodyJson()
            .extractingPath("$.items[*].key").asArray().containsExactly(team + "-2");
    }

    @Test
    void filtersByWorkstreamStatusLabelReadinessAndText() {
        post(items(), ana, EVERY_SECTION).assertThat().hasStatus(HttpStatus.CREATED);
        post(items(), ana, """
                {"title": "Refund by card", "labels": ["cards"], "description": "Customers want their money back"}""")
            .assertThat().hasStatus(HttpStatus.CREATED);

        assertThat(titles("?workstream=Checkout")).containsExactly("Pay by SEPA direct debit");
        assertThat(titles("?label=cards")).containsExactly("Refund by card");
        assertThat(titles("?readiness=ready")).containsExactly("Pay by SEPA direct debit");
        assertThat(titles("?readiness=not-ready")).containsExactly("Refund by card");
        assertThat(titles("?status=needs-refinement")).containsExactly("Pay by SEPA direct debit");
        assertThat(titles("?q=MONEY")).containsExactly("Refund by card");
    }

    @Test
    void letsOnlyFacilitatorsChangeTheTemplateAgainstTheVersionTheyRead() {
        var ben = member("Ben", "engineer");

        assertThat(put("/api/v1/teams/" + team + "/template", ben, """
                {"customFields": [], "definitionOfReady": ["description"], "version": 1}"""))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put("/api/v1/teams/" + team + "/template", ana, """
                {"customFields": [{"name": "Size", "type": "select", "options": [], "requiredForReady": false}],
                 "definitionOfReady": ["description"], "version": 1}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("customFields[0].options");
        assertThat(put("/api/v1/teams/" + team + "/template", ana, """
                {"customFields": [], "definitionOfReady": ["description"], "version": 0}"""))
            .hasStatus(HttpStatus.CONFLICT);
        assertThat(put("/api/v1/teams/" + team + "/template", ana, """
                {"customFields": [], "definitionOfReady": ["description", "workstream"], "version": 1}"""))
            .hasStatusOk()
            .bodyJson().extractingPath("$.definitionOfReady").asArray().containsExactlyInAnyOrder("description", "workstream");
    }

    @Test
    void listsAndCreatesWorkstreams() {
        assertThat(post("/api/v1/teams/" + team + "/workstreams", ana, """
                {"name": "Payouts", "description": "Money to merchants"}""")).hasStatus(HttpStatus.CREATED);
        assertThat(post("/api/v1/teams/" + team + "/workstreams", ana, """
                {"name": "Payouts"}""")).hasStatus(HttpStatus.CONFLICT)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/workstreams").with(People.basic(ana))).bodyJson()
            .extractingPath("$[*].name").asArray().containsExactly("Checkout", "Payouts");
    }

    private java.util.List<Object> titles(String query) {
        var result = mvc.get().uri(items() + query).with(People.basic(ana)).exchange();
        var titles = new java.util.ArrayList<Object>();
        body(result).get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }

    private Account member(String name, String role) {
        var account = people.someone(name);
        teams.add(team, new NewMember(account.email(), role), ana.id());
        return account;
    }

    private String items() {
        return "/api/v1/teams/" + team + "/items";
    }

    private MvcTestResult post(String uri, Account as, String json) {
        return people.postJson(uri, as, json).exchange();
    }

    private MvcTestResult put(String uri, Account as, String json) {
        return mvc.put().uri(uri).with(People.basic(as)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult patch(String uri, Account as, String ifMatch, String json) {
        var request = mvc.patch().uri(uri).with(People.basic(as)).contentType(MediaType.APPLICATION_JSON).content(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.exchange();
    }

    private static JsonNode body(MvcTestResult result) {
        try {
            return JSON.readTree(result.getResponse().getContentAsString());
        }
        catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static JsonNode withoutServerFields(JsonNode item) {
        var copy = (ObjectNode) item.deepCopy();
        copy.remove("key");
        copy.remove("readiness");
        copy.remove("risks");
        copy.remove("version");
        return copy;
    }
}
