package dev.refinery;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as a developer who scripts it meets it: the date-times it gives back are the ones it takes, numbers are
 * numbers, and a misspelt or missing property is answered with its name instead of a riddle.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiContractTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    Account fay;
    String team;

    @BeforeEach
    void team() {
        fay = new People(accounts, mvc).someone("Fay");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
    }

    @Test
    void takesTheStartOfASessionInRfc3339WithZOrAnOffsetAndGivesItBackInUtc() {
        var withZ = plan("""
                {"title": "Checkout refinement", "startsAt": "2026-12-04T09:00:00Z", "durationMinutes": 60}""");
        assertThat(withZ).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.startsAt").isEqualTo("2026-12-04T09:00:00Z");

        var withOffset = plan("""
                {"title": "Refunds refinement", "startsAt": "2026-12-04T10:30:00+01:00", "durationMinutes": 45}""");
        assertThat(withOffset).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.startsAt").isEqualTo("2026-12-04T09:30:00Z");
            assertThat(json).extractingPath("$.durationMinutes").isEqualTo(45);
        });

        var local = plan("""
                {"title": "Local time", "startsAt": "2026-12-04T11:00", "durationMinutes": 30}""");
        assertThat(local).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.startsAt").isEqualTo("2026-12-04T11:00:00Z");
    }

    @Test
    void namesTheFieldWhoseValueIsNotANumberOrNotADate() {
        assertThat(plan("""
                {"title": "Checkout refinement", "startsAt": "2026-12-04T09:00:00Z", "durationMinutes": "an hour"}"""))
            .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("durationMinutes");
        assertThat(plan("""
                {"title": "Checkout refinement", "startsAt": "next Friday", "durationMinutes": 60}"""))
            .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
                assertThat(json).extractingPath("$.errors[0].field").isEqualTo("startsAt");
                assertThat(json).extractingPath("$.errors[0].message").asString().contains("2026-12-01T09:00:00Z");
            });
    }

    @Test
    void refusesAMisspeltPropertyByItsNameAndSaysWhichOnesItKnows() {
        var key = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var planned = plan("""
                {"title": "Checkout refinement", "startsAt": "2026-12-04T09:00:00Z", "durationMinutes": 60}""");
        var id = planned.getResponse().getHeader("Location").replaceAll(".*/", "");

        var misspelt = mvc.put().uri("/api/v1/teams/" + team + "/sessions/" + id + "/agenda").with(People.basic(fay))
            .contentType(MediaType.APPLICATION_JSON).content("""
                    {"items": [{"item": "%s", "minutes": 5}]}""".formatted(key)).exchange();

        assertThat(misspelt).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.detail").asString().contains("items[0].item");
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("items[0].item");
            assertThat(json).extractingPath("$.errors[0].message").asString().contains("item", "key", "timeBoxMinutes");
        });
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sessions/" + id + "/agenda").with(People.basic(fay)))
            .bodyJson().extractingPath("$.items").asArray().isEmpty();
    }

    @Test
    void speaksJsonOnlyAsItsDocumentSays() {
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/scoring").with(People.basic(fay))
            .accept(MediaType.parseMediaType("application/yaml")))
            .hasStatus(HttpStatus.NOT_ACCEPTABLE);
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/scoring").with(People.basic(fay))
            .accept(MediaType.APPLICATION_XML))
            .hasStatus(HttpStatus.NOT_ACCEPTABLE);

        var misspeltInYaml = plan(MediaType.parseMediaType("application/yaml"), """
                title: Checkout refinement
                startsAt: 2026-12-04T09:00:00Z
                durationMinutes: 60
                durationMinuts: 90
                """);

        assertThat(misspeltInYaml).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sessions").with(People.basic(fay)))
            .hasStatusOk().bodyJson().extractingPath("$").asArray().isEmpty();
    }

    @Test
    void namesAMissingRequiredProperty() {
        var withoutVersion = mvc.put().uri("/api/v1/teams/" + team + "/scoring").with(People.basic(fay))
            .contentType(MediaType.APPLICATION_JSON).content("{\"model\": \"rice\"}").exchange();

        assertThat(withoutVersion).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("version");
            assertThat(json).extractingPath("$.errors[0].message").asString().contains("required");
        });
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/scoring").with(People.basic(fay)))
            .bodyJson().extractingPath("$.model").isEqualTo("wsjf");
    }

    @Test
    void documentsTheSessionsNumbersAsIntegersAndItsStartAsADateTime() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.components.schemas.PlanJson.properties.durationMinutes.type").isEqualTo("integer");
            assertThat(json).extractingPath("$.components.schemas.PlanJson.properties.questionPause.type").isEqualTo("integer");
            assertThat(json).extractingPath("$.components.schemas.PlanJson.properties.startsAt.format").isEqualTo("date-time");
            assertThat(json).extractingPath("$.components.schemas.PlanJson.required").asArray()
                .containsAll(List.of("title", "startsAt", "durationMinutes"));
        });
    }

    private MvcTestResult plan(String json) {
        return plan(MediaType.APPLICATION_JSON, json);
    }

    private MvcTestResult plan(MediaType type, String body) {
        return mvc.post().uri("/api/v1/teams/" + team + "/sessions").with(People.basic(fay))
            .contentType(type).content(body).exchange();
    }
}
