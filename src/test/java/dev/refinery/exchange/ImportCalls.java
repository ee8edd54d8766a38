package dev.refinery.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.refinery.identity.Account;
import dev.refinery.identity.People;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The import API as a client calls it: a file posted as a form by one person, then its job followed until it ends. */
record ImportCalls(MockMvcTester mvc, Account as, String team) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String imports() {
        return "/api/v1/teams/" + team + "/imports";
    }

    MvcTestResult upload(String name, String format, String content, String mapping, boolean validRowsOnly) {
        var request = mvc.post().uri(imports()).with(People.basic(as)).multipart()
            .file(new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8)))
            .param("format", format)
            .param("validRowsOnly", Boolean.toString(validRowsOnly));
        if (mapping != null) {
            request.param("mapping", mapping);
        }
        return request.exchange();
    }

    /** The job the upload started, once it ended (or after a minute, as it was then). */
    JsonNode finished(MvcTestResult started) {
        assertThat(started).hasStatus(org.springframework.http.HttpStatus.ACCEPTED);
        return finished(body(started));
    }

    JsonNode finished(JsonNode job) {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        var current = job;
        while (running(current) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            current = body(mvc.get().uri(imports() + "/" + job.get("id").asLong()).with(People.basic(as)).exchange());
        }
        return current;
    }

    static boolean running(JsonNode job) {
        var status = job.get("status").asString();
        return status.equals("queued") || status.equals("checking") || status.equals("importing");
    }

    static JsonNode body(MvcTestResult result) {
        return JSON.readTree(result.getResponse().getContentAsByteArray());
    }
}
