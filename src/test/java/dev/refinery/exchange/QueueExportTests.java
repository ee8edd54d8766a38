package dev.refinery.exchange;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The ranked queue downloaded as CSV, Markdown and JSON, through the API and from the queue page. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QueueExportTests {

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
    Account ana;
    String team;

    @BeforeEach
    void team() {
        people = new People(accounts, mvc);
        ana = people.someone("Ana");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), ana.id());
        item("Middle", "2", 5);
        item("=HYPERLINK(\"http://evil.example\") | pipes", "1", 8);
        item("Unestimated", null, 9);
    }

    @Test
    void downloadsTheQueueAsCsvInRankOrderWithFormulasNeutralised() throws Exception {
        var result = export("csv");

        assertThat(result).hasStatusOk().hasContentType("text/csv;charset=UTF-8")
            .hasHeader("Content-Disposition", "attachment; filename=\"" + team + "-queue-" + LocalDate.now() + ".csv\"");
        var rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(result.getResponse().getContentAsString())).getRecords();
        assertThat(rows).extracting(row -> row.get("title"))
            .containsExactly("'=HYPERLINK(\"http://evil.example\") | pipes", "Middle", "Unestimated");
        assertThat(rows).extracting(row -> row.get("rank")).containsExactly("1", "2", "3");
        assertThat(rows).extracting(row -> row.get("score")).containsExactly("48", "15", "");
        assertThat(rows.get(0).get("estimate")).isEqualTo("1 pt");
        assertThat(rows.get(2).get("band")).isEqualTo("needs-input");
    }

    @Test
    void downloadsTheQueueAsAMarkdownTable() throws Exception {
        var result = export("md");

        assertThat(result).hasStatusOk().hasContentType("text/markdown;charset=UTF-8")
            .hasHeader("Content-Disposition", "attachment; filename=\"" + team + "-queue-" + LocalDate.now() + ".md\"");
        var lines = result.getResponse().getContentAsString().lines().filter(line -> line.startsWith("| ")).toList();
        assertThat(lines).containsExactly(
                "| rank | key | title | score | estimate | status | workstream | deadline |",
                "| 1 | " + team + "-2 | =HYPERLINK(\"http://evil.example\") \\| pipes | 48 | 1 pt | draft |  |  |",
                "| 2 | " + team + "-1 | Middle | 15 | 2 pt | draft |  |  |",
                "| 3 | " + team + "-3 | Unestimated | – |  | draft |  |  |");
    }

    @Test
    void downloadsTheQueueAsJson() throws Exception {
        var result = export("json");

        assertThat(result).hasStatusOk().hasContentType("application/json;charset=UTF-8");
        var lines = JSON.readTree(result.getResponse().getContentAsString());
        var keys = new ArrayList<String>();
        lines.forEach(line -> keys.add(line.get("key").asString()));
        assertThat(keys).containsExactly(team + "-2", team + "-1", team + "-3");
        assertThat(lines.get(0).get("score").decimalValue()).isEqualByComparingTo("48");
        assertThat(lines.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(lines.get(2).get("score").isNull()).isTrue();
    }

    @Test
    void refusesAnUnknownFormatNamingTheField() {
        assertThat(export("xlsx")).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("format");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/exports/queue").with(People.basic(ana)))
            .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void letsObserversDownloadAndHidesTheTeamFromOthers() {
        var olga = people.someone("Olga");
        teams.add(team, new NewMember(olga.email(), "observer"), ana.id());

        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/exports/queue?format=csv").with(People.basic(olga)))
            .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/exports/queue?format=csv").with(People.basic(people.someone("Eve"))))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/exports/queue?format=csv")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void offersTheDownloadsOnTheQueuePageAndServesThemToTheSignedInBrowser() {
        var me = people.signedIn(ana);

        assertThat(mvc.get().uri("/teams/" + team + "/queue").with(user(me))).hasStatusOk().bodyText()
            .contains("href=\"/teams/" + team + "/exports/queue?format=csv\" download")
            .contains("href=\"/teams/" + team + "/exports/queue?format=md\" download")
            .contains("href=\"/teams/" + team + "/exports/queue?format=json\" download");
        assertThat(mvc.get().uri("/teams/" + team + "/exports/queue?format=md").with(user(me))).hasStatusOk()
            .hasHeader("Content-Disposition", "attachment; filename=\"" + team + "-queue-" + LocalDate.now() + ".md\"");
        assertThat(mvc.get().uri("/teams/" + team + "/exports/queue?format=pdf").with(user(me))).hasStatus(HttpStatus.NOT_FOUND);
    }

    private MvcTestResult export(String format) {
        return mvc.get().uri("/api/v1/teams/" + team + "/exports/queue?format=" + format).with(People.basic(ana)).exchange();
    }

    private void item(String title, String points, int value) {
        var patch = ItemPatch.empty().title(title).importance(Map.of("businessValue", BigDecimal.valueOf(value),
                "timeCriticality", BigDecimal.valueOf(value), "riskReduction", BigDecimal.valueOf(value)));
        if (points != null) {
            patch.estimate(Estimate.of(new BigDecimal(points), Estimate.Unit.POINTS));
        }
        items.create(team, patch, ana);
    }

}
