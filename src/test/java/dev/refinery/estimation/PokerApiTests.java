package dev.refinery.estimation;

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

/** Planning poker through the API, on each database (see the subclasses). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class PokerApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

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
    Account cleo;
    Account olga;
    String team;
    String item;

    @BeforeEach
    void table() {
        people = new People(accounts, mvc);
        fay = people.someone("Fay");
        ben = people.someone("Ben");
        cleo = people.someone("Cleo");
        olga = people.someone("Olga");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        teams.add(team, new NewMember(cleo.email(), "engineer"), fay.id());
        teams.add(team, new NewMember(olga.email(), "observer"), fay.id());
        item = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
    }

    @Test
    void showsNobodyAnyCardBeforeTheRevealThenStatisticsAndTheOutlier() {
        var round = open();
        vote(ben, round, "13").assertThat().hasStatus(HttpStatus.NO_CONTENT);
        vote(cleo, round, "3").assertThat().hasStatus(HttpStatus.NO_CONTENT);

        for (var viewer : new Account[] { fay, ben, cleo, olga }) {
            var seen = get(viewer, round);
            assertThat(seen.get("status").asString()).isEqualTo("voting");
            assertThat(seen.get("statistics").isNull()).isTrue();
            seen.get("voters").forEach(voter -> assertThat(voter.get("card").isNull()).as(viewer.displayName()).isTrue());
            assertThat(names(seen, true)).containsExactlyInAnyOrder("Ben", "Cleo");
        }

        vote(fay, round, "3").assertThat().hasStatus(HttpStatus.NO_CONTENT);

        var revealed = get(olga, round);
        assertThat(revealed.get("status").asString()).as("auto-reveal once every voter voted").isEqualTo("revealed");
        assertThat(revealed.get("statistics").get("suggested").asString()).isEqualTo("3");
        assertThat(revealed.get("statistics").get("median").decimalValue()).isEqualByComparingTo("3");
        assertThat(revealed.get("statistics").get("spread").asInt()).isEqualTo(3);
        assertThat(revealed.get("statistics").get("outliers").get(0).get("name").asString()).isEqualTo("Ben");
        assertThat(revealed.get("voters").findValuesAsString("card")).containsExactlyInAnyOrder("13", "3", "3");
    }

    @Test
    void writesTheAgreedEstimateToTheItemWithItsHistoryAndKeepsTheOutliersReasonAsARisk() {
        var round = open();
        vote(ben, round, "13");
        vote(cleo, round, "3");
        vote(fay, round, "2");

        assertThat(post(ben, "/" + round + "/risks", "{\"text\": \"the payment provider has no sandbox\"}"))
            .hasStatus(HttpStatus.CREATED);
        assertThat(post(ben, "/" + round + "/risks", "{\"text\": \"and again\"}")).hasStatus(HttpStatus.CONFLICT);
        assertThat(post(cleo, "/" + round + "/risks", "{\"text\": \"me too\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(fay, "/" + round + "/agree", "{\"card\": \"3\"}")).hasStatusOk()
            .bodyJson().extractingPath("$.agreed").isEqualTo("3");

        var itemJson = mvc.get().uri("/api/v1/teams/" + team + "/items/" + item).with(People.basic(ben));
        assertThat(itemJson).bodyJson().extractingPath("$.estimate").isEqualTo(java.util.Map.of("value", 3, "unit", "points"));
        assertThat(itemJson).bodyJson().extractingPath("$.risks[0].text").isEqualTo("13 - the payment provider has no sandbox");
        assertThat(itemJson).bodyJson().extractingPath("$.risks[0].author").isEqualTo("Ben");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/items/" + item + "/history").with(People.basic(ben)))
            .bodyJson().extractingPath("$[?(@.field == 'estimate')].after").asArray().containsExactly("3 pt");
    }

    @Test
    void refusesBadVotesAndActionsLeavingTheRoundAsItWas() {
        var round = open();

        assertThat(vote(ben, round, "4")).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("card");
        assertThat(vote(olga, round, "3")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(ben, "/" + round + "/reveal", "{}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(fay, "/" + round + "/agree", "{\"card\": \"3\"}")).hasStatus(HttpStatus.CONFLICT);
        assertThat(post(cleo, "", "{}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(names(get(fay, round), true)).isEmpty();

        vote(ben, round, "5");
        assertThat(post(fay, "/" + round + "/reveal", "{}")).hasStatusOk();
        assertThat(vote(cleo, round, "8")).hasStatus(HttpStatus.CONFLICT)
            .bodyJson().extractingPath("$.detail").asString().contains("revealed");
        assertThat(post(fay, "/" + round + "/agree", "{\"card\": \"?\"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(names(get(fay, round), true)).containsExactly("Ben");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/items/" + item + "/rounds/" + round)
                .with(People.basic(people.someone("Eve")))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void keepsAnEarlierRoundWhenTheTeamVotesAgain() {
        var first = open();
        vote(ben, first, "13");
        post(fay, "/" + first + "/reveal", "{}");

        var second = open();

        assertThat(second).isNotEqualTo(first);
        assertThat(get(fay, first).get("status").asString()).isEqualTo("closed");
        assertThat(get(fay, first).get("voters").findValuesAsString("card")).contains("13");
        assertThat(get(fay, second).get("status").asString()).isEqualTo("voting");
        assertThat(names(get(fay, second), true)).isEmpty();
    }

    @Test
    void revealsByItselfWhenTheLastTwoVotersVoteAtTheSameMoment() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            var round = open();
            vote(fay, round, "3");
            var start = new java.util.concurrent.CountDownLatch(1);
            var voters = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = voters.submit(() -> {
                    start.await();
                    return vote(ben, round, "5").getResponse().getStatus();
                });
                var second = voters.submit(() -> {
                    start.await();
                    return vote(cleo, round, "5").getResponse().getStatus();
                });
                start.countDown();
                assertThat(first.get()).isEqualTo(204);
                assertThat(second.get()).isEqualTo(204);
            }
            finally {
                voters.shutdown();
            }
            assertThat(get(fay, round).get("status").asString()).as("attempt " + attempt).isEqualTo("revealed");
        }
    }

    @Test
    void anObserverMadeEngineerCanVoteAndARemovedMemberGetsNotFoundWhileTheirCardKeepsTheirName() {
        var round = open();
        assertThat(vote(olga, round, "5")).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(mvc.put().uri("/api/v1/teams/" + team + "/members/" + olga.id().value()).with(People.basic(fay))
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"engineer\"}"))
            .hasStatusOk().bodyJson().extractingPath("$.role").isEqualTo("engineer");
        vote(olga, round, "3").assertThat().hasStatus(HttpStatus.NO_CONTENT);
        vote(ben, round, "13").assertThat().hasStatus(HttpStatus.NO_CONTENT);
        vote(cleo, round, "3").assertThat().hasStatus(HttpStatus.NO_CONTENT);
        vote(fay, round, "3").assertThat().hasStatus(HttpStatus.NO_CONTENT);
        assertThat(get(fay, round).get("voters").findValuesAsString("card")).containsExactlyInAnyOrder("13", "3", "3", "3");

        assertThat(mvc.delete().uri("/api/v1/teams/" + team + "/members/" + ben.id().value()).with(People.basic(fay)))
            .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(mvc.get().uri("/api/v1/teams/" + team).with(People.basic(ben))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(rounds() + "/" + round).with(People.basic(ben))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get(fay, round).get("statistics").get("outliers").get(0).get("name").asString()).isEqualTo("Ben");
    }

    private long open() {
        var result = post(fay, "", "{}");
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return body(result).get("id").asLong();
    }

    private MvcTestResult vote(Account voter, long round, String card) {
        return mvc.put().uri(rounds() + "/" + round + "/votes/me").with(People.basic(voter))
            .contentType(MediaType.APPLICATION_JSON).content("{\"card\": \"" + card + "\"}").exchange();
    }

    private MvcTestResult post(Account as, String path, String json) {
        return mvc.post().uri(rounds() + path).with(People.basic(as)).contentType(MediaType.APPLICATION_JSON).content(json)
            .exchange();
    }

    private JsonNode get(Account viewer, long round) {
        var result = mvc.get().uri(rounds() + "/" + round).with(People.basic(viewer)).exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }

    private String rounds() {
        return "/api/v1/teams/" + team + "/items/" + item + "/rounds";
    }

    private static java.util.List<String> names(JsonNode round, boolean voted) {
        var names = new java.util.ArrayList<String>();
        round.get("voters").forEach(voter -> {
            if (voter.get("voted").asBoolean() == voted) {
                names.add(voter.get("name").asString());
            }
        });
        return names;
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
