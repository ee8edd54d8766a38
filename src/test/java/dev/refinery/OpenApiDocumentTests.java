package dev.refinery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.refinery.identity.Accounts;
import dev.refinery.identity.People;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the Java client is generated from is the one the application serves: a change to the API
 * that is not in the committed document fails here. Refresh it with {@code -Dopenapi.refresh=true} (never on CI).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenApiDocumentTests {

    static final Path COMMITTED = Path.of("src/test/resources/openapi/refinery-api.json");
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Test
    void servesTheDocumentTheClientIsGeneratedFrom() throws Exception {
        // Until the first administrator exists every page leads to the setup.
        new People(accounts, mvc).administrator();
        var served = mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString();
        var document = (ObjectNode) sorted(JSON.readTree(served));
        // The server's address depends on where the document was fetched; the client is given its own.
        document.remove("servers");
        var text = JSON.writeValueAsString(document) + "\n";

        if (Boolean.getBoolean("openapi.refresh") && System.getenv("CI") == null) {
            Files.writeString(COMMITTED, text);
        }
        assertThat(Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "")
            .as("the committed %s differs from /v3/api-docs: run this test with -Dopenapi.refresh=true (without CI=true)"
                    + " and commit the file", COMMITTED)
            .isEqualTo(text);
    }

    /** Object properties by name, so that the committed file only changes when the API does. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            var properties = new TreeMap<String, JsonNode>();
            node.properties().forEach(property -> properties.put(property.getKey(), sorted(property.getValue())));
            var copy = JSON.createObjectNode();
            properties.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
