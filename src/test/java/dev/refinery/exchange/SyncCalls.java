package dev.refinery.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemImports;
import dev.refinery.identity.Account;
import dev.refinery.identity.People;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync API as a facilitator calls it, and the backlog it leaves, read by the items' external keys. */
record SyncCalls(MockMvcTester mvc, BacklogItems items, ItemImports imports, Account as) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Saves these settings (a JSON object's fields without braces), over the version saved when there is one. */
    void configure(String teamKey, String fields) {
        var existing = mvc.get().uri("/api/v1/teams/" + teamKey + "/sync").with(People.basic(as)).exchange();
        var version = existing.getResponse().getStatus() == 200
                ? ", \"version\": " + JSON.readTree(body(existing)).path("version").asInt() : "";
        var saved = mvc.put().uri("/api/v1/teams/" + teamKey + "/sync").with(People.basic(as))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{" + fields + version + "}")
            .exchange();
        assertThat(saved).hasStatusOk();
    }

    /** Starts a pull through the API and follows it until it ends. */
    JsonNode pull(String teamKey) {
        var started = mvc.post().uri("/api/v1/teams/" + teamKey + "/sync/runs").with(People.basic(as)).exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        var run = JSON.readTree(body(started));
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (run.path("state").asString().equals("running") && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            run = run(teamKey, run.path("id").asLong());
        }
        return run;
    }

    JsonNode run(String teamKey, long id) {
        return JSON.readTree(body(mvc.get().uri("/api/v1/teams/" + teamKey + "/sync/runs/" + id).with(People.basic(as))
            .exchange()));
    }

    List<JsonNode> runs(String teamKey) {
        var runs = new ArrayList<JsonNode>();
        JSON.readTree(body(mvc.get().uri("/api/v1/teams/" + teamKey + "/sync/runs").with(People.basic(as)).exchange()))
            .forEach(runs::add);
        return runs;
    }

    /** Each item from the tracker by its external key: title, status, estimate, workstream, labels. */
    Map<String, String> backlog(String teamKey) {
        var lines = new TreeMap<String, String>();
        imports.byExternalKey(teamKey, as.id()).forEach((external, key) -> {
            var content = items.find(teamKey, key.toString(), as.id()).content();
            var estimate = content.estimate() == null ? "no estimate"
                    : content.estimate().value().stripTrailingZeros().toPlainString() + " " + content.estimate().unit().symbol();
            lines.put(external, content.title() + " | " + content.status().code() + " | " + estimate + " | "
                    + content.workstream() + " | " + content.labels());
        });
        return lines;
    }

    String key(String teamKey, String external) {
        return imports.byExternalKey(teamKey, as.id()).get(external).toString();
    }

    static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
