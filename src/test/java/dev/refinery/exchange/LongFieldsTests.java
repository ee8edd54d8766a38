package dev.refinery.exchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

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
import dev.refinery.backlog.ItemContent;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A title as long as Jira's longest summary and a description longer than GitHub's longest body, in several
 * scripts and with emoji, arrive whole on every path into Refinery and back out, on each database (see the
 * subclasses).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class LongFieldsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** 255 characters as Java counts them, ending in an emoji (two of them). */
    static final String TITLE = longTitle();

    /** More than 65,536 characters even counted as code points, each emoji once. */
    static final String DESCRIPTION = longDescription();

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
    void usesATitleOfTheBoundAndADescriptionPastGithubsLimitInSeveralScripts() {
        assertThat(TITLE).hasSize(ItemContent.TITLE_MAX).doesNotContain("\n").isEqualTo(TITLE.strip());
        assertThat(DESCRIPTION.codePointCount(0, DESCRIPTION.length())).isGreaterThan(65_536);
        assertThat(DESCRIPTION.length()).isLessThanOrEqualTo(ItemContent.TEXT_MAX);
        assertThat(DESCRIPTION.getBytes(StandardCharsets.UTF_8).length).as("multi-byte characters and emoji")
            .isGreaterThan(DESCRIPTION.length() + 10_000);
    }

    @Test
    void keepsTheLongestTitleAndDescriptionThroughTheApiAndItsHistory() {
        var created = post(items(), """
                {"title": %s, "description": %s, "technicalNotes": %s}""".formatted(quoted(TITLE), quoted(DESCRIPTION),
                quoted(DESCRIPTION)));

        assertThat(created).hasStatus(HttpStatus.CREATED);
        var key = body(created).get("key").asString();
        var read = body(mvc.get().uri(items() + "/" + key).with(People.basic(ana)).exchange());
        assertThat(read.get("title").asString()).isEqualTo(TITLE);
        assertThat(read.get("description").asString()).isEqualTo(DESCRIPTION);
        assertThat(read.get("technicalNotes").asString()).isEqualTo(DESCRIPTION);

        var changed = "Neu: " + DESCRIPTION.substring(5);
        assertThat(mvc.patch().uri(items() + "/" + key).with(People.basic(ana)).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"description\": " + quoted(changed) + "}"))
            .hasStatusOk();
        assertThat(items.find(team, key, ana.id()).content().description()).isEqualTo(changed);
        assertThat(items.changes(team, key, ana.id())).as("the history keeps both whole values")
            .filteredOn(change -> change.field().equals("description") && DESCRIPTION.equals(change.before())
                    && changed.equals(change.after()))
            .hasSize(1);
    }

    @Test
    void refusesOneCharacterMoreNamingTheBound() {
        var refused = post(items(), """
                {"title": %s, "description": %s}""".formatted(quoted(TITLE + "x"), quoted("d".repeat(ItemContent.TEXT_MAX + 1))));

        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
            .contains("A title has at most 255 characters.", "A description has at most 131,072 characters.");
        assertThat(items.summaries(team, ana.id())).isEmpty();
    }

    @Test
    void keepsThemThroughThePageForms() {
        assertThat(mvc.post().uri("/teams/" + team + "/items").with(user(people.signedIn(ana))).with(csrf())
                .param("title", "Short for now")).hasStatus3xxRedirection();
        var item = "/teams/" + team + "/items/" + team + "-1";

        assertThat(mvc.post().uri(item + "/sections/title").with(user(people.signedIn(ana))).with(csrf())
                .param("version", "1").param("title", TITLE)).hasStatus3xxRedirection();
        assertThat(mvc.post().uri(item + "/sections/description").with(user(people.signedIn(ana))).with(csrf())
                .param("version", "2").param("description", DESCRIPTION)).hasStatus3xxRedirection();
        assertThat(mvc.post().uri(item + "/sections/technical-notes").with(user(people.signedIn(ana))).with(csrf())
                .param("version", "3").param("technicalNotes", DESCRIPTION)).hasStatus3xxRedirection();

        var content = items.find(team, team + "-1", ana.id()).content();
        assertThat(content.title()).isEqualTo(TITLE);
        assertThat(content.description()).isEqualTo(DESCRIPTION);
        assertThat(content.technicalNotes()).isEqualTo(DESCRIPTION);
        assertThat(mvc.get().uri(item).with(user(people.signedIn(ana)))).hasStatusOk().bodyText().contains(TITLE);
    }

    @Test
    void importsThemWholeFromACsvFile() {
        var csv = "Key,Title,Description\r\nA-1," + csvCell(TITLE) + "," + csvCell(DESCRIPTION) + "\r\n";

        var job = finished(upload("items.csv", "csv", csv, "{\"Key\": \"key\", \"Title\": \"title\", \"Description\": \"description\"}"));

        assertImported(job);
    }

    @Test
    void importsThemWholeFromAJiraExport() {
        var csv = "\uFEFFSummary,Issue key,Issue id,Issue Type,Status,Description\r\n"
                + csvCell(TITLE) + ",PAY-1,10001,Story,To Do," + csvCell(DESCRIPTION) + "\r\n";

        var job = finished(upload("jira.csv", "jira-csv", csv, null));

        assertImported(job);
    }

    @Test
    void importsThemWholeFromGithubIssues() {
        var issue = JSON.createObjectNode()
            .put("html_url", "https://github.com/octo/shop/issues/1")
            .put("repository_url", "https://api.github.com/repos/octo/shop")
            .put("number", 1)
            .put("title", TITLE)
            .put("state", "open")
            .put("body", DESCRIPTION);

        var job = finished(upload("issues.json", "github-json", JSON.createArrayNode().add(issue).toString(), null));

        assertImported(job);
    }

    @Test
    void backsThemUpAndRestoresThemWhole() {
        post(items(), """
                {"title": %s, "description": %s, "technicalNotes": %s}""".formatted(quoted(TITLE), quoted(DESCRIPTION),
                quoted(DESCRIPTION))).assertThat().hasStatus(HttpStatus.CREATED);
        var backup = mvc.get().uri("/api/v1/teams/" + team + "/exports/backup").with(People.basic(ana)).exchange();
        assertThat(backup).hasStatusOk();
        var target = People.newKey();
        teams.create(new NewTeam("Payments again", target), ana.id());

        assertThat(mvc.post().uri("/api/v1/teams/" + target + "/restore").with(People.basic(ana))
                .contentType(MediaType.APPLICATION_JSON).content(backup.getResponse().getContentAsByteArray())).hasStatusOk();

        var restored = items.find(target, target + "-1", ana.id()).content();
        assertThat(restored.title()).isEqualTo(TITLE);
        assertThat(restored.description()).isEqualTo(DESCRIPTION);
        assertThat(restored.technicalNotes()).isEqualTo(DESCRIPTION);
    }

    private void assertImported(JsonNode job) {
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("added").asInt()).isEqualTo(1);
        var content = items.find(team, team + "-1", ana.id()).content();
        assertThat(content.title()).isEqualTo(TITLE);
        assertThat(content.description()).isEqualTo(DESCRIPTION);
    }

    static String longTitle() {
        var words = "Lastschrift für Kunden in Köln, Zürich und Łódź: 漢字 ✓ ";
        var title = new StringBuilder();
        while (title.length() < ItemContent.TITLE_MAX - 2) {
            title.append(words);
        }
        title.setLength(ItemContent.TITLE_MAX - 3);
        return title.append("ß\uD83D\uDE80").toString();
    }

    static String longDescription() {
        var lines = new ArrayList<String>();
        var length = 0;
        for (var i = 1; length < 66_000; i++) {
            var line = "Absatz " + i + ": Kunden in Köln zahlen per Lastschrift \uD83D\uDE80, Größe ≤ 5 €, 漢字 und Ελληνικά \uD83D\uDC4D.";
            lines.add(line);
            length += line.codePointCount(0, line.length()) + 1;
        }
        return String.join("\n", lines);
    }

    private MvcTestResult post(String uri, String json) {
        return mvc.post().uri(uri).with(People.basic(ana)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult upload(String name, String format, String content, String mapping) {
        return calls().upload(name, format, content, mapping, false);
    }

    private JsonNode finished(MvcTestResult started) {
        return calls().finished(started);
    }

    private ImportCalls calls() {
        return new ImportCalls(mvc, ana, team);
    }

    private String items() {
        return "/api/v1/teams/" + team + "/items";
    }

    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String csvCell(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static JsonNode body(MvcTestResult result) {
        return ImportCalls.body(result);
    }
}
