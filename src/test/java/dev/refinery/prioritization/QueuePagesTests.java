package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The queue, scoring and matrix pages, full and as htmx fragments. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QueuePagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

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
    void showsTheQueueInBandsWithEachScoreExplainedAndTheRisksRaised() {
        var valuable = item("Valuable", "1", 8);
        item("Unestimated", null, 9);
        items.raise(team, valuable, "The provider has no sandbox", ana);

        assertThat(mvc.get().uri("/teams/" + team + "/queue").with(user(people.signedIn(ana))))
            .hasStatusOk().bodyText()
            .contains("<html", "Ranked by", "WSJF 48 = (8 + 8 + 8) / 0.5 d", "Business value 8 / 0.5 d: <strong>+16</strong>")
            .contains("Needs estimate or input", "Needs an estimate.", "/webjars/sortablejs/Sortable.min.js")
            .contains("<span class=\"tag risk-count\">1 risk</span>");
        assertThat(mvc.get().uri("/teams/" + team + "/queue").with(user(people.signedIn(ana))).header("HX-Request", "true"))
            .hasStatusOk().bodyText().doesNotContain("<html")
            .satisfies(html -> assertThat(html.strip()).startsWith("<div id=\"queue\">"));
    }

    @Test
    void pinsWithTheUpButtonWithoutJavaScriptAndUnpinsWithHtmx() {
        var first = item("First", "1", 9);
        var second = item("Second", "1", 5);

        assertThat(mvc.post().uri("/teams/" + team + "/queue/pins").with(user(people.signedIn(ana))).with(csrf())
                .param("item", second).param("anchor", first).param("placement", "above").param("page", "1"))
            .hasRedirectedUrl("/teams/" + team + "/queue?page=1");
        assertThat(mvc.get().uri("/teams/" + team + "/queue").with(user(people.signedIn(ana))))
            .bodyText().containsSubsequence("data-key=\"" + second + "\"", "Pinned", "data-key=\"" + first + "\"");

        assertThat(mvc.post().uri("/teams/" + team + "/queue/unpin").with(user(people.signedIn(ana))).with(csrf())
                .header("HX-Request", "true").param("item", second).param("page", "1"))
            .hasStatusOk().bodyText()
            .containsSubsequence("data-key=\"" + first + "\"", "data-key=\"" + second + "\"").doesNotContain(">Pinned<");
    }

    @Test
    void hidesPinningFromObservers() {
        var first = item("First", "1", 9);
        var second = item("Second", "1", 5);
        var olga = people.someone("Olga");
        teams.add(team, new NewMember(olga.email(), "observer"), ana.id());

        assertThat(mvc.get().uri("/teams/" + team + "/queue").with(user(people.signedIn(olga))))
            .hasStatusOk().bodyText().doesNotContain("class=\"drag\"", ">Up<", "Sortable.min.js");
        assertThat(mvc.post().uri("/teams/" + team + "/queue/pins").with(user(people.signedIn(olga))).with(csrf())
                .param("item", second).param("anchor", first).param("placement", "above"))
            .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void previewsADraftModelOnRealItemsBeforeSavingIt() {
        item("Valuable", "2", 8);

        assertThat(mvc.post().uri("/teams/" + team + "/scoring").with(user(people.signedIn(ana))).with(csrf())
                .param("action", "preview").param("model", "custom").param("customInputs", "value, Value, 1, 10")
                .param("formula", "value / size").param("daysPerPoint", "0.5").param("horizonDays", "30")
                .param("version", "0"))
            .hasStatusOk().bodyText().contains("id=\"preview\"", "Needs value.", "Not saved yet.");
        assertThat(mvc.post().uri("/teams/" + team + "/scoring").with(user(people.signedIn(ana))).with(csrf())
                .param("action", "preview").param("model", "wsjf").param("daysPerPoint", "1").param("horizonDays", "30")
                .param("version", "0"))
            .hasStatusOk().bodyText().contains("WSJF 12 = (8 + 8 + 8) / 2 d");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/scoring").with(People.basic(ana)))
            .bodyJson().extractingPath("$.daysPerPoint").isEqualTo(0.5);
    }

    @Test
    void showsAFormulaErrorNextToTheFieldAndKeepsTheOldModel() {
        assertThat(mvc.post().uri("/teams/" + team + "/scoring").with(user(people.signedIn(ana))).with(csrf())
                .param("action", "save").param("model", "custom").param("customInputs", "value, Value, 1, 10")
                .param("formula", "value +* size").param("daysPerPoint", "0.5").param("horizonDays", "30")
                .param("version", "0"))
            .hasStatusOk().bodyText().contains("id=\"formula-error\"", "The formula cannot be read", "value=\"value +* size\"");
        assertThat(mvc.post().uri("/teams/" + team + "/scoring").with(user(people.signedIn(ana))).with(csrf())
                .param("action", "save").param("model", "rice").param("daysPerPoint", "0.5").param("horizonDays", "30")
                .param("deadlineUrgency", "true").param("version", "0"))
            .hasRedirectedUrl("/teams/" + team + "/scoring?saved=1");
        assertThat(mvc.get().uri("/teams/" + team + "/scoring?saved=1").with(user(people.signedIn(ana))))
            .bodyText().contains("value=\"rice\" checked", "Saved: the queue is ranked by this model now");
    }

    @Test
    void drawsTheValueEffortMatrixWithEveryEstimatedItemAsALinkedDot() {
        var quick = item("Quick win", "1", 9);
        var pit = item("Money pit", "10", 1);
        item("Unestimated", null, 9);

        assertThat(mvc.get().uri("/teams/" + team + "/matrix").with(user(people.signedIn(ana))))
            .hasStatusOk().bodyText()
            .contains("<svg class=\"matrix\"", "Quick wins", "Big bets", "Fill-ins", "Money pits")
            .contains("href=\"/teams/" + team + "/items/" + quick + "\"", "href=\"/teams/" + team + "/items/" + pit + "\"")
            .contains(quick + " Quick win: 27 value, 0.5 d (Quick wins)", pit + " Money pit: 3 value, 5 d (Money pits)")
            .contains("1 item is not on the matrix: it needs an estimate or an input.");
    }

    private String item(String title, String points, int each) {
        var patch = ItemPatch.empty().title(title).importance(Map.of("businessValue", BigDecimal.valueOf(each),
                "timeCriticality", BigDecimal.valueOf(each), "riskReduction", BigDecimal.valueOf(each)));
        if (points != null) {
            patch.estimate(Estimate.of(new BigDecimal(points), Estimate.Unit.POINTS));
        }
        return items.create(team, patch, ana).key().toString();
    }
}
