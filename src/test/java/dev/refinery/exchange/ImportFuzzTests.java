package dev.refinery.exchange;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any file through the real API, into a team of its own: the server answers with a job or a clear refusal,
 * never a 500; a job ends imported or refused, never failed; and a refused file leaves the team as it was.
 * Plain {@code ./mvnw test} runs the inputs under ImportFuzzTestsInputs; with JAZZER_FUZZ=1 Jazzer looks for new ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String MAPPING = """
            {"Id": "key", "Title": "title", "Description": "description", "Points": "estimate", "Tags": "labels",
             "Status": "status", "Deadline": "deadline", "Business value": "importance.businessValue"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    Account ana;
    String team;

    /** A new team for each input: while fuzzing, Jazzer runs many inputs in one test. */
    private void newTeam() {
        if (ana == null) {
            ana = new People(accounts, mvc).someone("Ana");
        }
        team = People.newKey();
        teams.create(new NewTeam("Fuzz", team), ana.id());
    }

    @FuzzTest(maxDuration = "60s")
    void importsAnyCsvWholeOrNotAtAll(byte[] file) {
        importsWholeOrNotAtAll(file, "csv", MAPPING);
    }

    @FuzzTest(maxDuration = "60s")
    void importsAnyJiraFileWholeOrNotAtAll(byte[] file) {
        importsWholeOrNotAtAll(file, "jira-csv", null);
    }

    @FuzzTest(maxDuration = "60s")
    void importsAnyGithubFileWholeOrNotAtAll(byte[] file) {
        importsWholeOrNotAtAll(file, "github-json", null);
    }

    @FuzzTest(maxDuration = "60s")
    void restoresAnyDocumentWholeOrNotAtAll(byte[] document) {
        newTeam();
        var answer = mvc.post().uri("/api/v1/teams/" + team + "/restore").with(People.basic(ana))
            .contentType(MediaType.APPLICATION_JSON).content(document).exchange();

        assertThat(answer.getResponse().getStatus()).isIn(200, 400, 409);
        if (answer.getResponse().getStatus() != 200) {
            assertThat(items.summaries(team, ana.id())).isEmpty();
        }
    }

    private void importsWholeOrNotAtAll(byte[] file, String format, String mapping) {
        newTeam();
        var request = mvc.post().uri("/api/v1/teams/" + team + "/imports").with(People.basic(ana)).multipart()
            .file(new MockMultipartFile("file", "fuzz", "text/plain", file))
            .param("format", format);
        if (mapping != null) {
            request.param("mapping", mapping);
        }
        var answer = request.exchange();

        assertThat(answer.getResponse().getStatus()).isIn(202, 400);
        if (answer.getResponse().getStatus() == 400) {
            assertThat(items.summaries(team, ana.id())).isEmpty();
            return;
        }
        var job = finished(JSON.readTree(answer.getResponse().getContentAsByteArray()).get("id").asLong());
        assertThat(job.get("status").asString()).isIn("done", "refused");
        assertThat(job.get("message").asString()).isNotBlank();
        var saved = items.summaries(team, ana.id()).size();
        if (job.get("status").asString().equals("done")) {
            assertThat(saved).isEqualTo(job.get("added").asInt());
        }
        else {
            assertThat(saved).isZero();
        }
    }

    private JsonNode finished(long id) {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var job = JSON.readTree(mvc.get().uri("/api/v1/teams/" + team + "/imports/" + id).with(People.basic(ana))
                .exchange().getResponse().getContentAsByteArray());
            var status = job.get("status").asString();
            if (!(status.equals("queued") || status.equals("checking") || status.equals("importing"))
                    || Instant.now().isAfter(deadline)) {
                return job;
            }
            Thread.onSpinWait();
        }
    }
}
