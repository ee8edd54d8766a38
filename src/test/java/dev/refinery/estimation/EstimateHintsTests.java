package dev.refinery.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
import dev.refinery.backlog.Criterion;
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

/**
 * Similar items and the suggested estimate through the API and the poker page, on each database (see the
 * subclasses): nothing of them before the reveal, the team's most similar items and a reasoned suggestion after.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class EstimateHintsTests {

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
    EstimationRepository repository;

    @Autowired
    EstimateHints hints;

    Account fay;
    Account ben;
    Account stranger;
    String team;
    String item;

    @BeforeEach
    void history() {
        var people = new People(accounts, mvc);
        fay = people.someone("Fay");
        ben = people.someone("Ben");
        stranger = people.someone("Sam");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        var other = People.newKey();
        teams.create(new NewTeam("Elsewhere", other), stranger.id());
        items.create(other, ItemPatch.empty().title("Refund a card payment by SEPA transfer").estimate(points(40)), stranger);
        estimated("Refund a card payment", "Customers get their **money back** for a card payment.", 5);
        estimated("Refunds of SEPA transfers", "<p>Refund a SEPA transfer</p>", 5);
        estimated("Partial refund of a payment", "", 8);
        estimated("Rename the login button", "", 1);
        estimated("Fix the typo on the invoice footer", "", 1);
        estimated("Change the colour of the header", "", 1);
        item = items.create(team, ItemPatch.empty().title("Refund a card payment by SEPA transfer")
            .description("Refunds are asked for every week.")
            .acceptanceCriteria(List.of(new Criterion("the customer sees the refund", false)))
            .estimate(points(13)), fay).key().toString();
    }

    @Test
    void showsNothingSimilarOrSuggestedBeforeTheRevealThenTheMostSimilarItemsAndTheReason() throws Exception {
        var round = open();
        vote(ben, round, "5");

        var before = get(ben, rounds() + "/" + round);
        assertThat(before.getResponse().getContentAsString()).doesNotContain("hints", "Refund a card payment\"", "Suggested");
        var similar = get(ben, "/api/v1/teams/" + team + "/items/" + item + "/similar");
        assertThat(similar).hasStatus(HttpStatus.CONFLICT);
        assertThat(similar.getResponse().getContentAsString()).doesNotContain("Refunds of SEPA", "Suggested");
        var page = get(ben, "/teams/" + team + "/items/" + item + "/poker");
        assertThat(page.getResponse().getContentAsString()).doesNotContain("Refunds of SEPA", "Suggested", "similar-items");
        assertThat(get(ben, "/teams/" + team + "/items/" + item + "/poker/hints").getResponse().getContentAsString())
            .doesNotContain("Refunds of SEPA", "Suggested");

        assertThat(mvc.post().uri(rounds() + "/" + round + "/reveal").with(People.basic(fay)).exchange()).hasStatusOk();

        var revealed = body(get(ben, rounds() + "/" + round)).get("hints");
        var keys = revealed.get("similar").findValuesAsString("key");
        var titles = revealed.get("similar").findValuesAsString("title");
        assertThat(keys).hasSizeLessThanOrEqualTo(5).doesNotContain(item);
        assertThat(titles.subList(0, 3)).containsExactlyInAnyOrder("Refund a card payment", "Refunds of SEPA transfers",
                "Partial refund of a payment");
        assertThat(revealed.get("similar").get(0).get("estimate").decimalValue()).isEqualByComparingTo("5");
        var suggestion = revealed.get("suggestion");
        assertThat(suggestion.get("value").decimalValue()).as("the other team's 40 and the item's own 13 are no evidence")
            .isEqualByComparingTo("5");
        assertThat(suggestion.get("reason").asString()).startsWith("Suggested 5: ").contains("the team's median is 3");
        assertThat(suggestion.get("confidence").asString()).isIn("low", "medium", "high");

        assertThat(body(get(ben, "/api/v1/teams/" + team + "/items/" + item + "/similar")).get("similar").findValuesAsString("title"))
            .isEqualTo(titles);
        assertThat(get(ben, "/teams/" + team + "/items/" + item + "/poker/hints").getResponse().getContentAsString())
            .contains("Refunds of SEPA transfers", "Suggested 5: ");
    }

    @Test
    void showsAnEstimatedItemsSimilarItemsToMembersOnly() throws Exception {
        var estimated = items.list(team, new dev.refinery.backlog.BacklogFilter(null, null, null, null, null, 1), fay.id());
        var first = estimated.items().stream().filter(view -> view.content().title().equals("Refund a card payment")).findFirst()
            .orElseThrow().key().toString();

        assertThat(body(get(ben, "/api/v1/teams/" + team + "/items/" + first + "/similar")).get("similar").findValuesAsString("title"))
            .contains("Refunds of SEPA transfers").doesNotContain("Refund a card payment");
        assertThat(get(stranger, "/api/v1/teams/" + team + "/items/" + first + "/similar").getResponse().getStatus())
            .isIn(403, 404);
    }

    @Test
    void answersForTheTeamWhileTheIndexIsStillBeingBuiltInTheBackgroundAsOnceItIsBuilt() {
        var builds = new ArrayList<Runnable>();
        // a node that has just started: its build is handed to a thread that has not run it yet
        var started = new EstimateHints(items, teams, repository, builds::add);

        started.rebuild();

        assertThat(builds).as("the start does not wait for the index").hasSize(1);
        assertThat(started.ready()).isFalse();
        var during = started.revealed(team, item, ben.id());
        var built = hints.revealed(team, item, ben.id());
        var titles = during.similar().stream().map(EstimateHints.SimilarItem::title).toList();
        assertThat(titles.subList(0, 3)).containsExactlyInAnyOrder("Refund a card payment", "Refunds of SEPA transfers",
                "Partial refund of a payment");
        // another node's index may score a little differently (replaced items count until merged): the same items
        assertThat(titles).containsExactlyInAnyOrderElementsOf(built.similar().stream().map(EstimateHints.SimilarItem::title).toList());
        assertThat(during.suggestion().value()).isEqualByComparingTo(built.suggestion().value());
        assertThat(during.suggestion().reason()).startsWith("Suggested 5: ").contains("the team's median is 3");

        builds.getFirst().run();

        assertThat(started.ready()).isTrue();
        var after = started.revealed(team, item, ben.id());
        // the other teams' items now count in how rare each word is: the same items, maybe in another order
        assertThat(after.similar()).extracting(EstimateHints.SimilarItem::title).containsExactlyInAnyOrderElementsOf(titles);
        assertThat(after.suggestion().value()).isEqualByComparingTo("5");
        var elsewhere = items.create(team, ItemPatch.empty().title("Refund a card payment twice").estimate(points(3)), fay).key();
        assertThat(started.revealed(team, elsewhere.toString(), ben.id()).similar()).extracting(EstimateHints.SimilarItem::title)
            .as("the build read the other items of the team too").contains("Refund a card payment", "Refunds of SEPA transfers");
    }

    @Test
    void keepsTheTeamsReferenceStoriesOnItsPokerSettingsAndRefusesUnknownItemsAndCardsOffTheDeck() throws Exception {
        var settings = "/api/v1/teams/" + team + "/poker";
        var read = body(get(ben, settings));
        assertThat(read.get("suggest").asBoolean()).as("suggested by default").isTrue();
        assertThat(read.get("references").size()).isZero();
        var version = read.get("version").asInt();

        var refused = put(fay, settings, """
                {"deck": "fibonacci", "suggest": true, "version": %d, "references": [
                  {"value": "4", "items": ["%s-1"]},
                  {"value": "3", "items": ["%s-99"]},
                  {"value": "5", "items": ["%s-1", "%s-2", "%s-3", "%s-4"]}]}
                """.formatted(version, team, team, team, team, team, team));
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        var errors = body(refused).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("references.4", "references.3", "references.5");
        assertThat(String.join("\n", errors.findValuesAsString("message"))).contains("There is no card \"4\"", "No item " + team + "-99 in " + team,
                "At most 3 reference stories for the 5");
        var unsettled = items.create(team, ItemPatch.empty().title("Still a draft"), fay).key().toString();
        assertThat(body(put(fay, settings, """
                {"deck": "fibonacci", "version": %d, "references": [{"value": "8", "items": ["%s"]}]}
                """.formatted(version, unsettled))).get("errors").toString()).contains(unsettled + " is neither done nor estimated");
        assertThat(put(ben, settings, """
                {"deck": "fibonacci", "version": %d, "references": [{"value": "1", "items": ["%s-4"]}]}
                """.formatted(version, team))).hasStatus(HttpStatus.FORBIDDEN);

        var saved = put(fay, settings, """
                {"deck": "fibonacci", "version": %d, "references": [
                  {"value": "5", "items": ["%s-1", "%s-2"]}, {"value": "0.5", "items": ["%s-4"]}]}
                """.formatted(version, team, team, team));
        assertThat(saved).hasStatusOk();
        assertThat(body(get(ben, settings)).get("references").toString()).as("in the deck's order, ½ named by its number too")
            .isEqualTo("[{\"value\":\"½\",\"items\":[\"%s-4\"]},{\"value\":\"5\",\"items\":[\"%s-1\",\"%s-2\"]}]"
                .formatted(team, team, team));
        var page = get(ben, "/teams/" + team + "/items/" + item + "/poker").getResponse().getContentAsString();
        assertThat(page).as("the team's scale shows before any reveal").contains("id=\"scale\"", "Rename the login button",
                "href=\"/teams/" + team + "/items/" + team + "-1\"", "Refund a card payment");
        assertThat(get(fay, "/teams/" + team + "/poker").getResponse().getContentAsString())
            .contains("value=\"" + team + "-1, " + team + "-2\"");
    }

    @Test
    void suggestsNothingOnceTheTeamTurnsTheSuggestionOffAndStillShowsTheSimilarItems() throws Exception {
        var settings = "/api/v1/teams/" + team + "/poker";
        var version = body(get(fay, settings)).get("version").asInt();
        assertThat(put(fay, settings, "{\"deck\": \"fibonacci\", \"suggest\": false, \"version\": " + version + "}"))
            .hasStatusOk();
        var round = open();
        vote(ben, round, "5");
        assertThat(mvc.post().uri(rounds() + "/" + round + "/reveal").with(People.basic(fay)).exchange()).hasStatusOk();

        var hints = body(get(ben, rounds() + "/" + round)).get("hints");
        assertThat(hints.get("similar").findValuesAsString("title")).contains("Refunds of SEPA transfers");
        assertThat(hints.get("suggestion") == null || hints.get("suggestion").isNull()).as("no suggestion").isTrue();
        assertThat(get(ben, "/api/v1/teams/" + team + "/items/" + item + "/similar").getResponse().getContentAsString())
            .contains("Refunds of SEPA transfers").doesNotContain("Suggested");
        assertThat(get(ben, "/teams/" + team + "/items/" + item + "/poker").getResponse().getContentAsString())
            .as("the board still names the most voted card, but no suggestion is made")
            .contains("Refunds of SEPA transfers").doesNotContain("id=\"suggestion\"");
    }

    private MvcTestResult put(Account by, String uri, String json) {
        return mvc.put().uri(uri).with(People.basic(by)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private void estimated(String title, String description, int points) {
        items.create(team, ItemPatch.empty().title(title).description(description).estimate(points(points)), fay);
    }

    private static Estimate points(int value) {
        return Estimate.of(BigDecimal.valueOf(value), Estimate.Unit.POINTS);
    }

    private long open() {
        var result = mvc.post().uri(rounds()).with(People.basic(fay)).contentType(MediaType.APPLICATION_JSON).content("{}").exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return body(result).get("id").asLong();
    }

    private void vote(Account voter, long round, String card) {
        assertThat(mvc.put().uri(rounds() + "/" + round + "/votes/me").with(People.basic(voter))
            .contentType(MediaType.APPLICATION_JSON).content("{\"card\": \"" + card + "\"}").exchange()).hasStatus(HttpStatus.NO_CONTENT);
    }

    private MvcTestResult get(Account viewer, String uri) {
        return mvc.get().uri(uri).with(People.basic(viewer)).exchange();
    }

    private String rounds() {
        return "/api/v1/teams/" + team + "/items/" + item + "/rounds";
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
