package dev.refinery.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.CustomField;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.Importance;
import dev.refinery.backlog.ItemImports;
import dev.refinery.backlog.ItemKey;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.backlog.Link;
import dev.refinery.backlog.Section;
import dev.refinery.backlog.Status;
import dev.refinery.backlog.Template;
import dev.refinery.backlog.TeamTemplates;
import dev.refinery.backlog.Workstreams;
import dev.refinery.estimation.Deck;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.estimation.PokerSettings;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.prioritization.ModelKind;
import dev.refinery.prioritization.Pin;
import dev.refinery.prioritization.PriorityQueues;
import dev.refinery.prioritization.Ranked;
import dev.refinery.prioritization.ScoringModel;
import dev.refinery.prioritization.ScoringModels;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** A team backed up, restored into another team and backed up again, through the API and the page, on each database. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class TeamBackupTests {

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
    Workstreams workstreams;

    @Autowired
    TeamTemplates templates;

    @Autowired
    ScoringModels models;

    @Autowired
    PriorityQueues queues;

    @Autowired
    PokerRounds poker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ItemImports imports;

    People people;
    Account fay;
    Account ben;
    String team;

    @BeforeEach
    void richTeam() {
        people = new People(accounts, mvc);
        fay = people.someone("Fay");
        ben = people.someone("Ben");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        templates.save(team, new Template(List.of(
                new CustomField(null, "Component", CustomField.Type.SELECT, List.of("api", "web"), true),
                new CustomField(null, "Risk score", CustomField.Type.NUMBER, List.of(), false),
                new CustomField(null, "Reviewed", CustomField.Type.CHECKBOX, List.of(), false),
                new CustomField(null, "Due", CustomField.Type.DATE, List.of(), false),
                new CustomField(null, "Owner", CustomField.Type.TEXT, List.of(), false)),
                java.util.EnumSet.of(Section.DESCRIPTION, Section.ACCEPTANCE_CRITERIA, Section.ESTIMATE, Section.WORKSTREAM), 0),
                fay.id());
        workstreams.create(team, "Checkout", "Everything at the till", fay.id());
        workstreams.create(team, "Legacy", "The old shop", fay.id());
        // Scored under WSJF before the team chose its own formula: these values stay, unused.
        var old = items.create(team, ItemPatch.empty().title("Old report").workstream("Legacy")
            .importance(Map.of("businessValue", BigDecimal.valueOf(3), "timeCriticality", BigDecimal.ONE,
                    "riskReduction", BigDecimal.TWO))
            .estimate(Estimate.of(Estimate.Outcome.TOO_BIG)).status(Status.NEEDS_REFINEMENT), fay).key().toString();
        workstreams.archive(team, "Legacy", true, fay.id());
        models.choose(team, new ScoringModel(ModelKind.CUSTOM, "value * reach / size", List.of(
                new Importance("value", "Value", "", BigDecimal.ONE, BigDecimal.TEN, false),
                new Importance("reach", "Reach", "", BigDecimal.ZERO, new BigDecimal("1000"), false)),
                new BigDecimal("0.75"), false, 21, 0), fay.id());
        var rich = items.create(team, ItemPatch.empty().title("Pay by SEPA").description("Customers pay by **SEPA** debit.")
            .technicalNotes("Use the bank's API v2.")
            .links(List.of(new Link("Design", "https://example.com/design"), new Link("API", "https://example.com/api")))
            .acceptanceCriteria(List.of(new Criterion("A mandate is signed", true), new Criterion("Refunds work", false)))
            .estimate(Estimate.of(new BigDecimal("3"), Estimate.Unit.POINTS))
            .importance(Map.of("value", new BigDecimal("8"), "reach", new BigDecimal("250.5")))
            .deadline(LocalDate.of(2027, 3, 31), "The regulator's date")
            .workstream("Checkout").labels(List.of("sepa", "=SUM(A1)"))
            .customFields(Map.of("Component", "api", "Risk score", "2.5", "Reviewed", "true", "Due", "2027-01-15",
                    "Owner", "Ana"))
            .status(Status.READY), fay);
        var key = rich.key().toString();
        items.raise(team, key, "13 - the bank has no sandbox", ben);
        items.raise(team, key, "The mandate text needs legal review", fay);
        var followUp = items.followUp(team, key, "Ask legal about the mandate", fay).key().toString();
        var pay = items.find(team, key, fay.id());
        items.split(team, key, pay.item().version(), List.of("SEPA mandates", "SEPA refunds"), false, fay);
        items.create(team, ItemPatch.empty().title("Card refunds").estimate(Estimate.of(new BigDecimal("1.5"), Estimate.Unit.DAYS))
            .actual(5).importance(Map.of("value", new BigDecimal("5"), "reach", new BigDecimal("40"))), fay);
        imports.add(team, List.of(new ImportedItem(2, "jira:PAY-7", ItemPatch.empty().title("Done thing").status(Status.DONE))),
                List.of(), false, "jira-csv", fay, (saved, of) -> {
                });
        queues.pin(team, team + "-6", key, Pin.Placement.ABOVE, fay.id());
        poker.save(team, new PokerSettings(Deck.Kind.CUSTOM, List.of(new BigDecimal("0.5"), BigDecimal.ONE, BigDecimal.TWO,
                new BigDecimal("3"), new BigDecimal("5"), new BigDecimal("8")), Estimate.Unit.DAYS, false, false, true, false,
                List.of(new PokerSettings.References("½", List.of(new ItemKey(team, 7))),
                        new PokerSettings.References("2", List.of(new ItemKey(team, 6), new ItemKey(team, 2)))), 0),
                fay.id());
        assertThat(old).isEqualTo(team + "-1");
        assertThat(followUp).isEqualTo(team + "-3");
    }

    @Test
    void restoresABackupIntoAnEmptyTeamSoThatItsBackupIsTheSameApartFromInstanceSpecificFields() throws Exception {
        var original = backup(team);
        var target = emptyTeam("Payments again");

        var restored = restore(target, original);

        assertThat(restored).hasStatusOk().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.items").isEqualTo(7);
            assertThat(body).extractingPath("$.workstreams").isEqualTo(2);
            assertThat(body).extractingPath("$.customFields").isEqualTo(5);
            assertThat(body).extractingPath("$.pins").isEqualTo(1);
        });
        var copy = backup(target);
        assertThat(withoutInstanceSpecific(copy)).isEqualTo(withoutInstanceSpecific(original));
        assertThat(copy.get("team").get("key").asString()).isEqualTo(target);
        assertThat(copy.get("items").get(1).get("key").asString()).isEqualTo(target + "-2");
        assertThat(copy.get("instanceSpecific").toString()).isEqualTo("[\"exportedAt\",\"team.key\",\"team.name\",\"items[].key\"]");
    }

    @Test
    void backsUpEveryFieldOfAnItemAndTheTeamsSettings() {
        var backup = backup(team);

        assertThat(backup.get("formatVersion").asInt()).isEqualTo(1);
        var rich = backup.get("items").get(1);
        assertThat(rich.get("title").asString()).isEqualTo("Pay by SEPA");
        assertThat(rich.get("links").get(1).get("url").asString()).isEqualTo("https://example.com/api");
        assertThat(rich.get("acceptanceCriteria").get(0).get("done").asBoolean()).isTrue();
        assertThat(rich.get("estimate").toString()).isEqualTo("{\"value\":3,\"unit\":\"points\"}");
        assertThat(rich.get("importance").get("reach").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(rich.get("deadline").asString()).isEqualTo("2027-03-31");
        assertThat(rich.get("deadlineReason").asString()).isEqualTo("The regulator's date");
        assertThat(rich.get("status").asString()).isEqualTo("ready");
        assertThat(rich.get("customFields").get("Component").asString()).isEqualTo("api");
        // what the work really took, and when a done item was done: the reports' facts survive a restore
        var byTitle = new java.util.HashMap<String, JsonNode>();
        backup.get("items").forEach(item -> byTitle.put(item.get("title").asString(), item));
        assertThat(byTitle.get("Card refunds").get("actualDays").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(byTitle.get("Done thing").get("doneAt").asString()).isNotBlank();
        assertThat(rich.has("doneAt") && !rich.get("doneAt").isNull()).isFalse();
        assertThat(backup.get("items").get(6).get("externalKey").asString()).isEqualTo("jira:PAY-7");
        assertThat(rich.get("risks").get(0).get("text").asString()).isEqualTo("13 - the bank has no sandbox");
        assertThat(rich.get("risks").get(0).get("author").asString()).isEqualTo("Ben");
        assertThat(backup.get("items").get(2).get("followUpOf").asInt()).isEqualTo(2);
        assertThat(backup.get("items").get(3).get("splitFrom").asInt()).isEqualTo(2);
        assertThat(backup.get("items").get(0).get("importance").get("businessValue").asInt()).isEqualTo(3);
        assertThat(backup.get("workstreams").get(1).get("archived").asBoolean()).isTrue();
        assertThat(backup.get("template").get("customFields").get(0).get("options").toString()).isEqualTo("[\"api\",\"web\"]");
        assertThat(backup.get("template").get("importanceInputs").get(1).get("name").asString()).isEqualTo("reach");
        assertThat(backup.get("scoring").get("model").asString()).isEqualTo("custom");
        assertThat(backup.get("scoring").get("formula").asString()).isEqualTo("value * reach / size");
        assertThat(backup.get("pins").get(0).get("item").asInt()).isEqualTo(6);
        assertThat(backup.get("poker").get("deck").asString()).isEqualTo("custom");
        assertThat(backup.get("poker").get("customUnit").asString()).isEqualTo("days");
        assertThat(backup.get("poker").get("suggest").asBoolean()).isFalse();
        assertThat(backup.get("poker").get("references").toString())
            .isEqualTo("[{\"card\":\"½\",\"items\":[7]},{\"card\":\"2\",\"items\":[6,2]}]");
    }

    @Test
    void keepsItemNumbersUnderTheTargetKeyRecordsTheRestoreAndRanksTheSameQueue() {
        var target = emptyTeam("Payments again");
        assertThat(restore(target, backup(team))).hasStatusOk();

        assertThat(numbers(queues.all(target, fay.id()))).isEqualTo(numbers(queues.all(team, fay.id())));
        assertThat(numbers(queues.all(target, fay.id())).get(0)).isEqualTo(6);
        var history = items.changes(target, target + "-2", fay.id());
        assertThat(history).hasSize(1);
        assertThat(history.get(0).field()).isEqualTo("restored");
        assertThat(history.get(0).after()).isEqualTo("From a backup of " + team + "-2");
        assertThat(items.find(target, target + "-4", fay.id()).content().splitFrom().toString()).isEqualTo(target + "-2");
        assertThat(items.create(target, ItemPatch.empty().title("Next"), fay).key().toString()).isEqualTo(target + "-8");
        var poker = this.poker.settings(target, fay.id());
        assertThat(poker.suggest()).as("the suggestion stays off").isFalse();
        assertThat(poker.references()).containsExactly(new PokerSettings.References("½", List.of(new ItemKey(target, 7))),
                new PokerSettings.References("2", List.of(new ItemKey(target, 6), new ItemKey(target, 2))));
    }

    @Test
    void refusesToRestoreIntoATeamThatIsNotEmptyAndChangesNothing() {
        var target = emptyTeam("Busy");
        workstreams.create(target, "Mobile", "", fay.id());
        var before = backup(target);

        assertThat(restore(target, backup(team))).hasStatus(HttpStatus.CONFLICT).bodyJson().satisfies(problem -> {
            assertThat(problem).extractingPath("$.errors[0].field").isEqualTo("team");
            assertThat(problem).extractingPath("$.detail").asString().contains("only into an empty team", "1 workstreams");
        });
        assertThat(withoutInstanceSpecific(backup(target))).isEqualTo(withoutInstanceSpecific(before));
    }

    @Test
    void refusesAnInvalidBackupWithThePathOfEveryProblemAndLeavesTheTeamEmpty() {
        var target = emptyTeam("Still empty");
        var empty = backup(target);
        var broken = backup(team);
        ((ObjectNode) broken.get("items").get(3)).put("title", "");
        ((ObjectNode) broken.get("items").get(1).get("links").get(1)).put("url", "javascript:alert(1)");
        ((ObjectNode) broken.get("items").get(4)).put("followUpOf", 99);
        ((ObjectNode) broken.get("items").get(1).get("risks").get(0)).put("author", "");
        ((ObjectNode) broken.get("pins").get(0)).put("anchor", 42);
        ((ObjectNode) broken.get("poker")).putArray("numbers").add(3).add(1);

        assertThat(restore(target, broken)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
            .extractingPath("$.errors[*].field").asArray().contains("items[3].title", "items[1].links[1].url", "items[4].followUpOf",
                    "items[1].risks[0].author", "pins[0].anchor", "poker.numbers");
        assertThat(withoutInstanceSpecific(backup(target))).isEqualTo(withoutInstanceSpecific(empty));
    }

    @Test
    void refusesAnItemThatTheTemplateWouldNotAllow() {
        var target = emptyTeam("Strict");
        var broken = backup(team);
        ((ObjectNode) broken.get("items").get(1).get("customFields")).put("Component", "desktop");
        ((ObjectNode) broken.get("items").get(5)).put("status", "ready");

        assertThat(restore(target, broken)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
            .extractingPath("$.errors[*].field").asArray().contains("items[1].customFields.Component", "items[5].status");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM backlog_custom_field WHERE team_id = (SELECT id FROM identity_team WHERE team_key = :key)")
            .param("key", target).query(Long.class).single()).isZero();
    }

    @Test
    void refusesMalformedDocumentsWithAProblemNeverAnError() {
        var target = emptyTeam("Careful");
        String[] cases = {
                "not json at all", "backup",
                "[]", "backup",
                "{\"formatVersion\": 2}", "formatVersion",
                "{\"formatVersion\": 1, \"items\": [{\"number\": \"seven\"}]}", "items[0].number",
                "{\"formatVersion\": 1, \"items\": [null]}", "items[0]",
                "{\"formatVersion\": 1, \"items\": [{\"number\": 1, \"title\": \"T\", \"estimate\": {\"value\": 0.3, \"unit\": \"points\"}}]}",
                "items[0].estimate",
                "{\"formatVersion\": 1, \"items\": [{\"number\": 1, \"title\": \"T\", \"status\": \"shipped\"}]}", "items[0].status",
                "{\"formatVersion\": 1, \"colour\": \"blue\"}", "colour",
                "{\"formatVersion\": 1, \"template\": {\"customFields\": [{\"name\": \"X\"}]}}", "template.customFields[0].type",
                "{\"formatVersion\": 1, \"template\": {\"customFields\": [{\"name\": \"X\", \"type\": \"text\", \"requiredForReady\": \"maybe\"}]}}",
                "template.customFields[0].requiredForReady",
                "{\"formatVersion\": 1, \"scoring\": {\"model\": \"custom\", \"formula\": \"1 +\", \"daysPerPoint\": 1, \"horizonDays\": 5}}",
                "scoring.customInputs" };
        for (int i = 0; i < cases.length; i += 2) {
            assertThat(mvc.post().uri("/api/v1/teams/" + target + "/restore")
                    .with(People.basic(fay)).contentType(MediaType.APPLICATION_JSON).content(cases[i]))
                .as(cases[i]).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo(cases[i + 1]);
        }
        assertThat(mvc.post().uri("/api/v1/teams/" + target + "/restore").with(People.basic(fay))
                .contentType(MediaType.APPLICATION_JSON).content("{\"formatVersion\": 2}"))
            .bodyJson().extractingPath("$.errors[0].message").asString().contains("format version 1");
    }

    @Test
    void letsOnlyFacilitatorsBackUpOrRestoreAndHidesTheTeamFromOthers() {
        var olga = people.someone("Olga");
        teams.add(team, new NewMember(olga.email(), "observer"), fay.id());
        var target = emptyTeam("Guarded");
        teams.add(target, new NewMember(ben.email(), "engineer"), fay.id());
        var document = backup(team).toString();

        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/exports/backup").with(People.basic(ben))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/exports/backup").with(People.basic(olga))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/exports/backup").with(People.basic(people.someone("Eve"))))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/v1/teams/" + target + "/restore").with(People.basic(ben))
                .contentType(MediaType.APPLICATION_JSON).content(document)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/v1/teams/" + target + "/restore").with(People.basic(olga))
                .contentType(MediaType.APPLICATION_JSON).content(document)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/exports/queue?format=json").with(People.basic(olga))).hasStatusOk();
    }

    @Test
    void restoresFromTheFormAndShowsProblemsNextToTheFile() throws Exception {
        var me = people.signedIn(fay);
        var target = emptyTeam("By the form");
        assertThat(mvc.get().uri("/teams/" + team).with(user(me))).hasStatusOk().bodyText()
            .contains("href=\"/teams/" + team + "/restore\">Export and backup</a>");
        assertThat(mvc.get().uri("/teams/" + team + "/restore").with(user(me))).hasStatusOk().bodyText()
            .contains("href=\"/teams/" + team + "/exports/backup\" download", "action=\"/teams/" + team + "/restore\"",
                    "enctype=\"multipart/form-data\"");
        var download = mvc.get().uri("/teams/" + team + "/exports/backup").with(user(me)).exchange();
        assertThat(download).hasStatusOk()
            .hasHeader("Content-Disposition", "attachment; filename=\"" + team + "-backup-" + LocalDate.now() + ".json\"");
        var file = download.getResponse().getContentAsByteArray();

        var broken = mvc.post().uri("/teams/" + target + "/restore").multipart()
            .file(new MockMultipartFile("backup", "backup.json", "application/json", "{\"formatVersion\": 7}".getBytes(StandardCharsets.UTF_8)))
            .with(user(me)).with(csrf());
        assertThat(broken).hasStatusOk().bodyText().contains("id=\"backup-error\"", "<code>formatVersion</code>", "format version 1");

        var restored = mvc.post().uri("/teams/" + target + "/restore").multipart()
            .file(new MockMultipartFile("backup", "backup.json", "application/json", file)).with(user(me)).with(csrf()).exchange();
        assertThat(restored).hasStatus3xxRedirection();
        assertThat(mvc.get().uri(java.net.URI.create(restored.getResponse().getRedirectedUrl())).with(user(me))).hasStatusOk().bodyText()
            .contains("Restored 7 items, 2 workstreams, 5 custom fields and 1 pin from the backup.");

        assertThat(mvc.post().uri("/teams/" + target + "/restore").multipart()
                .file(new MockMultipartFile("backup", "backup.json", "application/json", file)).with(user(me)).with(csrf()))
            .hasStatusOk().bodyText().contains("only into an empty team");
    }

    private String emptyTeam(String name) {
        var key = People.newKey();
        teams.create(new NewTeam(name, key), fay.id());
        return key;
    }

    private JsonNode backup(String key) {
        var result = mvc.get().uri("/api/v1/teams/" + key + "/exports/backup").with(People.basic(fay)).exchange();
        assertThat(result).hasStatusOk().hasContentType("application/json;charset=UTF-8");
        try {
            return JSON.readTree(result.getResponse().getContentAsString());
        }
        catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private MvcTestResult restore(String key, JsonNode backup) {
        return mvc.post().uri("/api/v1/teams/" + key + "/restore").with(People.basic(fay))
            .contentType(MediaType.APPLICATION_JSON).content(backup.toString()).exchange();
    }

    /** The backup without the fields it lists as instance-specific. */
    private static JsonNode withoutInstanceSpecific(JsonNode backup) {
        var copy = (ObjectNode) backup.deepCopy();
        copy.remove("exportedAt");
        copy.remove("team");
        ((ArrayNode) copy.get("items")).forEach(item -> ((ObjectNode) item).remove("key"));
        return copy;
    }

    private static List<Integer> numbers(List<Ranked> queue) {
        return queue.stream().map(ranked -> ranked.item().key().number()).toList();
    }
}
