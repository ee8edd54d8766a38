package dev.refinery;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import dev.refinery.identity.NewAccount;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One switch, {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}, and every console line is a JSON object that carries the
 * request id and the team key of the request it was written for, and an import's team and job in the background.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=ecs",
        "logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG",
        "logging.level.dev.refinery.exchange=INFO" })
@ExtendWith(OutputCaptureExtension.class)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class JsonLogsTests extends ApiClient {

    @Test
    void writesEachLineAsJsonWithTheRequestIdAndTeam(CapturedOutput output) throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var fay = accounts.open(new NewAccount("fay-" + suffix + "@refinery.test", "Fay", PASSWORD)).email();
        var team = "JL" + suffix.substring(0, 3).toUpperCase().replaceAll("[^A-Z]", "X");
        expect(201, send(fay, "/api/v1/teams", "POST", "{\"name\": \"Logs\", \"key\": \"%s\"}".formatted(team)));

        var read = http.send(request(fay, "/api/v1/teams/" + team + "/items").header("X-Request-Id", "probe-" + suffix).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("X-Request-Id")).hasValue("probe-" + suffix);

        var lines = output.getOut().lines().filter(line -> line.contains("probe-" + suffix)).map(JSON::readTree).toList();
        assertThat(lines).as("the dispatcher's lines of that request").isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("requestId").asString()).isEqualTo("probe-" + suffix);
            assertThat(line.path("team").asString()).isEqualTo(team);
            assertThat(line.path("@timestamp").asString()).isNotEmpty();
            assertThat(line.path("log").path("level").asString()).isNotEmpty();
        });

        var generated = http.send(request(fay, "/api/v1/teams/" + team).header("X-Request-Id", "a b").GET().build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).as("an unsafe id is replaced").matches("[0-9a-f-]{36}");
        assertThat(output.getOut()).contains("\"requestId\":\"" + generated + "\"");
    }

    @Test
    void writesTheTeamAndJobOfAnImportOnItsLines(CapturedOutput output) throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var fay = accounts.open(new NewAccount("fay-" + suffix + "@refinery.test", "Fay", PASSWORD)).email();
        var team = "JI" + suffix.substring(0, 3).toUpperCase().replaceAll("[^A-Z]", "X");
        expect(201, send(fay, "/api/v1/teams", "POST", "{\"name\": \"Imports\", \"key\": \"%s\"}".formatted(team)));
        var job = json(expect(202, upload(fay, "/api/v1/teams/" + team + "/imports", "Title\r\nLog it\r\n", "{\"Title\": \"title\"}")))
            .path("id").asLong();

        JsonNode finished = null;
        for (var polls = 0; finished == null && polls < 100; polls++) {
            TimeUnit.MILLISECONDS.sleep(50);
            finished = output.getOut().lines().filter(line -> line.startsWith("{") && line.contains("finished: done"))
                .map(JSON::readTree).filter(line -> line.path("importJob").asString().equals(Long.toString(job)))
                .findFirst().orElse(null);
        }
        assertThat(finished).as("the import's closing line").isNotNull();
        assertThat(finished.path("team").asString()).isEqualTo(team);
        assertThat(finished.path("message").asString()).startsWith("Import " + job + " (csv) finished: done in ");
        assertThat(finished.has("requestId")).as("a background job is no request").isFalse();
    }
}
