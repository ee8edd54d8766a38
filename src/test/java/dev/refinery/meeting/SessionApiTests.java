package dev.refinery.meeting;

import java.math.BigDecimal;

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

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning sessions and their agendas through the API, on each database (see the subclasses). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SessionApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    People people;
    Account fay;
    Account ben;
    String team;

    @BeforeEach
    void team() {
        people = new People(accounts, mvc);
        fay = people.someone("Fay");
        ben = people.someone("Ben");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
    }

    @Test
    void plansASessionWithAnAgendaAndWarnsWhenItRunsOver() {
        var first = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var second = items.create(team, ItemPatch.empty().title("Refunds").description("Why").acceptanceCriteria(
                java.util.List.of(new dev.refinery.backlog.Criterion("Refunded", false)))
            .estimate(Estimate.of(BigDecimal.ONE, Estimate.Unit.POINTS)), fay).key().toString();

        var planned = post("/api/v1/teams/" + team + "/sessions", fay, """
                {"title": "Checkout refinement", "goal": "Ready the SEPA work", "startsAt": "2026-12-01T10:00",
                 "durationMinutes": "15", "facilitator": "%s"}""".formatted(ben.email()));
        assertThat(planned).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.facilitatorName").isEqualTo("Ben");
        var id = planned.getResponse().getHeader("Location").replaceAll(".*/", "");

        assertThat(put("/api/v1/teams/" + team + "/sessions/" + id + "/agenda", ben, """
                {"items": [{"key": "%s", "timeBoxMinutes": 10}, {"key": "%s", "timeBoxMinutes": 8}]}""".formatted(second, first)))
            .hasStatusOk()
            .bodyJson().satisfies(json -> {
                assertThat(json).extractingPath("$.items[*].key").asArray().containsExactly(second, first);
                assertThat(json).extractingPath("$.totalMinutes").isEqualTo(18);
                assertThat(json).extractingPath("$.over").isEqualTo(true);
                assertThat(json).extractingPath("$.items[1].readiness.missing").asArray()
                    .containsExactly("description", "acceptance criteria", "estimate");
            });
    }

    @Test
    void refusesAPlanWithBadFieldsNamingEach() {
        assertThat(post("/api/v1/teams/" + team + "/sessions", fay, """
                {"title": "", "startsAt": "tomorrow", "durationMinutes": "5", "workstream": "Nowhere"}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[*].field").asArray()
            .containsExactlyInAnyOrder("title", "startsAt", "durationMinutes", "workstream");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sessions").with(People.basic(fay)))
            .bodyJson().extractingPath("$").asArray().isEmpty();
    }

    @Test
    void keepsTheAgendaToItsFacilitatorsAndTheTeamToItsMembers() {
        var item = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var id = post("/api/v1/teams/" + team + "/sessions", fay, """
                {"title": "Checkout", "startsAt": "2026-12-01T10:00", "durationMinutes": "60"}""")
            .getResponse().getHeader("Location").replaceAll(".*/", "");

        assertThat(put("/api/v1/teams/" + team + "/sessions/" + id + "/agenda", ben, """
                {"items": [{"key": "%s"}]}""".formatted(item))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put("/api/v1/teams/" + team + "/sessions/" + id + "/agenda", fay, """
                {"items": [{"key": "%s-99"}]}""".formatted(team))).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("items[0].key");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sessions/" + id + "/agenda").with(People.basic(people.someone("Eve"))))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sessions/" + id + "/agenda").with(People.basic(ben)))
            .hasStatusOk().bodyJson().extractingPath("$.items").asArray().isEmpty();
    }

    @Test
    void namesTheDesignFollowUpOfTheLongestTitleWithinTheBoundAndNeverHalfAnEmoji() {
        var title = "x".repeat(237) + "\uD83D\uDE80" + "y".repeat(16);
        var item = items.create(team, ItemPatch.empty().title(title), fay).key().toString();
        var id = post("/api/v1/teams/" + team + "/sessions", fay, """
                {"title": "Checkout", "startsAt": "2026-12-01T10:00", "durationMinutes": "30"}""")
            .getResponse().getHeader("Location").replaceAll(".*/", "");
        var base = "/api/v1/teams/" + team + "/sessions/" + id;
        put(base + "/agenda", fay, "{\"items\": [{\"key\": \"%s\"}]}".formatted(item));
        post(base + "/start", fay, "{}");

        assertThat(put(base + "/outcomes/" + item, fay, "{\"outcome\": \"needs-design\"}")).hasStatusOk();

        assertThat(items.summaries(team, fay.id())).extracting(summary -> summary.title())
            .containsExactly(title, "Design proposal: " + "x".repeat(237));
    }

    @Test
    void runsASessionEndToEndAndSummarizesEveryOutcomeEstimateRiskAndFollowUp() throws Exception {
        var first = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var second = items.create(team, ItemPatch.empty().title("Refunds"), fay).key().toString();
        var third = items.create(team, ItemPatch.empty().title("Later"), fay).key().toString();
        var id = post("/api/v1/teams/" + team + "/sessions", fay, """
                {"title": "Checkout", "startsAt": "2026-12-01T10:00", "durationMinutes": "30"}""")
            .getResponse().getHeader("Location").replaceAll(".*/", "");
        var base = "/api/v1/teams/" + team + "/sessions/" + id;
        put(base + "/agenda", fay, """
                {"items": [{"key": "%s"}, {"key": "%s"}, {"key": "%s"}]}""".formatted(first, second, third));

        assertThat(post(base + "/start", fay, "{}")).hasStatusOk().bodyJson().extractingPath("$.current").isEqualTo(first);
        assertThat(post(base + "/questions", ben, "{\"text\": \"Which banks?\"}")).hasStatusOk();
        var question = mvc.get().uri(base + "/room").with(People.basic(fay)).exchange();
        var questionId = question.getResponse().getContentAsString().replaceAll("(?s).*\"questions\":\\[\\{\"id\":(\\d+).*", "$1");
        assertThat(post(base + "/questions/" + questionId + "/answer", fay, """
                {"answer": "All SEPA banks", "fold": "criterion"}""")).hasStatusOk();

        var rounds = "/api/v1/teams/" + team + "/items/" + first + "/rounds";
        var round = post(rounds, fay, "{}").getResponse().getHeader("Location").replaceAll(".*/", "");
        put(rounds + "/" + round + "/votes/me", fay, "{\"card\": \"8\"}");
        put(rounds + "/" + round + "/votes/me", ben, "{\"card\": \"1\"}");
        assertThat(post(rounds + "/" + round + "/risks", ben, "{\"text\": \"it is only a config change\"}"))
            .hasStatus(HttpStatus.CREATED);
        assertThat(post(rounds + "/" + round + "/agree", fay, "{\"card\": \"5\"}")).hasStatusOk();

        assertThat(put(base + "/current", fay, "{\"itemKey\": \"%s\"}".formatted(second))).hasStatusOk()
            .bodyJson().extractingPath("$.current").isEqualTo(second);
        assertThat(post(base + "/close", fay, "{}")).hasStatus(HttpStatus.CONFLICT)
            .bodyJson().extractingPath("$.detail").asString().contains(second);
        assertThat(put(base + "/outcomes/" + second, fay, "{\"outcome\": \"needs-design\"}")).hasStatusOk();

        var closed = post(base + "/close", fay, "{}");
        assertThat(closed).hasStatusOk().bodyJson().satisfies(summary -> {
            assertThat(summary).extractingPath("$.items[*].key").asArray().containsExactly(first, second);
            assertThat(summary).extractingPath("$.items[0].outcome").isEqualTo("estimated");
            assertThat(summary).extractingPath("$.items[0].estimate.value").isEqualTo(5);
            assertThat(summary).extractingPath("$.items[0].risks[0].text").isEqualTo("1 - it is only a config change");
            assertThat(summary).extractingPath("$.items[0].spread").isEqualTo(4);
            assertThat(summary).extractingPath("$.items[0].questions[0].answer").isEqualTo("All SEPA banks");
            assertThat(summary).extractingPath("$.items[1].outcome").isEqualTo("needs-design");
            assertThat(summary).extractingPath("$.items[1].related.followUps[0].title").isEqualTo("Design proposal: Refunds");
            assertThat(summary).extractingPath("$.carriedOver").asArray().containsExactly(third);
            assertThat(summary).extractingPath("$.points").isEqualTo(5);
        });
        assertThat(mvc.get().uri(base + "/summary").with(People.basic(ben)).accept("text/markdown"))
            .hasStatusOk().bodyText().contains("# Summary: Checkout", "- Risk: Ben: 1 - it is only a config change");
        assertThat(mvc.get().uri(base + "/summary?format=md").with(People.basic(ben)))
            .hasStatusOk().hasContentType("text/markdown;charset=UTF-8")
            .hasHeader("Content-Disposition", "attachment; filename=\"summary-" + team + "-" + id + ".md\"")
            .bodyText().contains("# Summary: Checkout");
        assertThat(mvc.get().uri(base + "/summary?format=csv").with(People.basic(ben)))
            .hasStatusOk().hasContentType("text/csv;charset=UTF-8")
            .bodyText().startsWith("key,title,outcome,note,estimate").contains(first + ",");
        assertThat(mvc.get().uri(base + "/summary?format=pdf").with(People.basic(ben)))
            .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("format");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/items/" + first).with(People.basic(ben)))
            .bodyJson().extractingPath("$.acceptanceCriteria[0].text").isEqualTo("All SEPA banks");
    }

    private MvcTestResult post(String uri, Account as, String json) {
        return people.postJson(uri, as, json).exchange();
    }

    private MvcTestResult put(String uri, Account as, String json) {
        return mvc.put().uri(uri).with(People.basic(as)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
