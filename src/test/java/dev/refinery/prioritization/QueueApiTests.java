package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue and scoring API as a client sees it, on each database (see the subclasses). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class QueueApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    @Autowired
    JdbcClient jdbc;

    People people;
    Account ana;
    String team;

    @BeforeEach
    void team() {
        people = new People(accounts, mvc);
        ana = people.someone("Ana");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), ana.id());
    }

    @Test
    void ranksItemsInTheOrderTheModelImpliesWithTermsThatAddUp() {
        item("Small and valuable", "1", 8, 8, 8);
        item("Big", "8", 8, 8, 8);
        item("Unestimated", null, 9, 9, 9);
        item("Middle", "2", 5, 5, 5);

        var queue = queue();

        assertThat(titles(queue)).containsExactly("Small and valuable", "Middle", "Big", "Unestimated");
        assertThat(bands(queue)).containsExactly("ranked", "ranked", "ranked", "needs-input");
        for (var entry : queue.get("entries")) {
            if (entry.get("band").asString().equals("ranked")) {
                var sum = BigDecimal.ZERO;
                for (var term : entry.get("terms")) {
                    sum = sum.add(term.get("contribution").decimalValue());
                }
                assertThat(sum).isEqualByComparingTo(entry.get("score").decimalValue());
            }
        }
        assertThat(queue.get("entries").get(0).get("explanation").asString()).isEqualTo("WSJF 48 = (8 + 8 + 8) / 0.5 d");
        assertThat(queue.get("entries").get(3).get("missing").get(0).asString()).isEqualTo("an estimate");
    }

    @Test
    void movesExactlyOnePinnedItemWritingOneRow() {
        var first = item("First", "1", 9, 9, 9);
        item("Second", "1", 5, 5, 5);
        var third = item("Third", "1", 1, 1, 1);
        var rowsBefore = pinRows();

        assertThat(mvc.put().uri("/api/v1/teams/" + team + "/items/" + third + "/pin").with(People.basic(ana))
                .contentType(MediaType.APPLICATION_JSON).content("{\"above\": \"" + first + "\"}"))
            .hasStatus(HttpStatus.NO_CONTENT);

        var queue = queue();
        assertThat(titles(queue)).containsExactly("Third", "First", "Second");
        assertThat(queue.get("entries").get(0).get("pinned").asBoolean()).isTrue();
        assertThat(queue.get("entries").get(1).get("pinned").asBoolean()).isFalse();
        assertThat(pinRows()).isEqualTo(rowsBefore + 1);

        assertThat(mvc.delete().uri("/api/v1/teams/" + team + "/items/" + third + "/pin").with(People.basic(ana)))
            .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(titles(queue())).containsExactly("First", "Second", "Third");
    }

    @Test
    void refusesPinsThatCannotBeAndPinsByObservers() {
        var first = item("First", "1", 9, 9, 9);
        var olga = people.someone("Olga");
        teams.add(team, new NewMember(olga.email(), "observer"), ana.id());

        assertThat(mvc.put().uri("/api/v1/teams/" + team + "/items/" + first + "/pin").with(People.basic(ana))
                .contentType(MediaType.APPLICATION_JSON).content("{\"above\": \"" + team + "-99\"}"))
            .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("above");
        assertThat(mvc.put().uri("/api/v1/teams/" + team + "/items/" + first + "/pin").with(People.basic(ana))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
            .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.put().uri("/api/v1/teams/" + team + "/items/" + first + "/pin").with(People.basic(olga))
                .contentType(MediaType.APPLICATION_JSON).content("{\"below\": \"" + first + "\"}"))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/queue").with(People.basic(people.someone("Eve"))))
            .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesAnInvalidFormulaWithAMessageAndKeepsTheOldModel() {
        item("Scored", "1", 4, 4, 4);

        assertThat(put("""
                {"model": "custom", "formula": "(value + bogus) / size",
                 "customInputs": [{"name": "value", "label": "Value", "min": 1, "max": 10}], "version": 0}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0]").isEqualTo(Map.of("field", "formula",
                    "message", "The formula uses bogus, which is not one of the inputs (value) or size."));
        assertThat(put("""
                {"model": "custom", "formula": "value / (size - size)",
                 "customInputs": [{"name": "value", "label": "Value", "min": 1, "max": 10}], "version": 0}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].message").isEqualTo("The formula divides by zero for some items (is something 0?).");

        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/scoring").with(People.basic(ana)))
            .bodyJson().extractingPath("$.model").isEqualTo("wsjf");
        assertThat(queue().get("entries").get(0).get("explanation").asString()).startsWith("WSJF");
    }

    @Test
    void refusesWhatTheStoredModelCannotHoldNextToItsField() {
        assertThat(put("""
                {"model": "custom", "formula": "value / size",
                 "customInputs": [{"name": "value", "label": "Value\\nand more", "min": 1, "max": 10}], "version": 0}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0]").isEqualTo(Map.of("field", "customInputs",
                    "message", "Each input has a label of 1 to 60 characters on one line, without |."));
        assertThat(put("""
                {"model": "wsjf", "daysPerPoint": 1.2345, "version": 0}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0]").isEqualTo(Map.of("field", "daysPerPoint",
                    "message", "Days per point has at most three decimals."));
        assertThat(put("""
                {"model": "custom", "formula": "value%s / size",
                 "customInputs": [{"name": "value", "label": "Value", "min": 1, "max": 10}], "version": 0}"""
                .formatted(" + value".repeat(100))))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0]").isEqualTo(Map.of("field", "formula",
                    "message", "A formula has at most 500 characters."));

        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/scoring").with(People.basic(ana)))
            .bodyJson().extractingPath("$.model").isEqualTo("wsjf");
    }

    @Test
    void switchesModelsAndAsksItemsForTheNewModelsInputs() {
        var key = item("Scored under WSJF", "2", 4, 4, 4);

        var saved = put("""
                {"model": "custom", "formula": "value * 10 / size",
                 "customInputs": [{"name": "value", "label": "Value", "min": 1, "max": 10}], "version": 0}""");

        assertThat(saved).hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(1);
        assertThat(bands(queue())).containsExactly("needs-input");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/template").with(People.basic(ana)))
            .bodyJson().extractingPath("$.importanceInputs[*].name").asArray().containsExactly("value");
        assertThat(mvc.patch().uri("/api/v1/teams/" + team + "/items/" + key).with(People.basic(ana))
                .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"importance\": {\"value\": 3}, \"title\": \"Scored by the formula\"}"))
            .hasStatusOk();
        var entry = queue().get("entries").get(0);
        assertThat(entry.get("score").decimalValue()).isEqualByComparingTo("30");
        assertThat(entry.get("explanation").asString()).isEqualTo("Custom formula 30 = value * 10 / size with value 3, size 1");
        assertThat(put("{\"model\": \"wsjf\", \"version\": 0}")).hasStatus(HttpStatus.CONFLICT);
    }

    private String item(String title, String points, int value, int criticality, int risk) {
        var patch = ItemPatch.empty().title(title).importance(Map.of("businessValue", BigDecimal.valueOf(value),
                "timeCriticality", BigDecimal.valueOf(criticality), "riskReduction", BigDecimal.valueOf(risk)));
        if (points != null) {
            patch.estimate(Estimate.of(new BigDecimal(points), Estimate.Unit.POINTS));
        }
        return items.create(team, patch, ana).key().toString();
    }

    private MvcTestResult put(String json) {
        return mvc.put().uri("/api/v1/teams/" + team + "/scoring").with(People.basic(ana))
            .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private JsonNode queue() {
        var result = mvc.get().uri("/api/v1/teams/" + team + "/queue").with(People.basic(ana)).exchange();
        assertThat(result).hasStatusOk();
        try {
            return JSON.readTree(result.getResponse().getContentAsString());
        }
        catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private long pinRows() {
        return jdbc.sql("SELECT COUNT(*) FROM prioritization_pin").query(Long.class).single();
    }

    private static List<String> titles(JsonNode queue) {
        var titles = new ArrayList<String>();
        queue.get("entries").forEach(entry -> titles.add(entry.get("title").asString()));
        return titles;
    }

    private static List<String> bands(JsonNode queue) {
        var bands = new ArrayList<String>();
        queue.get("entries").forEach(entry -> bands.add(entry.get("band").asString()));
        return bands;
    }
}
