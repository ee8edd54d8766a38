package dev.refinery.exchange;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.refinery.backlog.ImportedItem;
import dev.refinery.shared.Markdown;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers of other tools' files on any bytes: they say what they cannot read, in words, and never fail
 * otherwise. Plain {@code ./mvnw test} runs the inputs under FileReadersFuzzTestsInputs; with JAZZER_FUZZ=1
 * Jazzer looks for new ones.
 */
class FileReadersFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> MAPPING = Map.of("Title", "title", "Key", "key", "Points", "estimate",
            "Due", "deadline", "Labels", "labels", "Status", "status", "Value", "importance.value");

    /** Every switch on, so that the paths behind them are fuzzed too. */
    private static final ImportChoices EVERY_CHOICE = new ImportChoices(true, EnumSet.allOf(ImportChoices.LabelKind.class),
            Map.of(), true);

    @FuzzTest(maxDuration = "30s")
    void csvItemsReadAnyFile(byte[] file) {
        readsOrRefuses(file, text -> CsvItems.read(text, MAPPING));
    }

    @FuzzTest(maxDuration = "30s")
    void jiraCsvItemsReadAnyFile(byte[] file) {
        readsOrRefuses(file, text -> JiraCsvItems.read(text, EVERY_CHOICE));
    }

    @FuzzTest(maxDuration = "30s")
    void githubIssuesReadAnyFile(byte[] file) {
        readsOrRefuses(file, text -> GithubIssues.read(text, EVERY_CHOICE));
    }

    @FuzzTest(maxDuration = "30s")
    void jiraWikiConvertsAnyText(byte[] file) {
        assertThat(JiraWiki.toMarkdown(new String(file, StandardCharsets.UTF_8), JiraWiki.References.NONE)).isNotNull();
    }

    @FuzzTest(maxDuration = "30s")
    void adfMarkdownConvertsAnyDocument(byte[] file) {
        JsonNode document;
        try {
            document = JSON.readTree(new String(file, StandardCharsets.UTF_8));
        }
        catch (JacksonException notJson) {
            return;
        }
        var html = Markdown.toHtml(AdfMarkdown.markdown(document));
        assertThat(html).doesNotContain("<img", "<script");
    }

    private static void readsOrRefuses(byte[] file, Function<String, Reading> reader) {
        Reading reading;
        try {
            reading = reader.apply(new String(file, StandardCharsets.UTF_8));
        }
        catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(reading.errors()).allSatisfy(error -> {
            assertThat(error.row()).isPositive();
            assertThat(error.reason()).isNotBlank();
        });
        assertThat(reading.items()).allSatisfy(item -> {
            assertThat(item.row()).isPositive();
            assertThat(item.externalKey()).isNotBlank().hasSizeLessThanOrEqualTo(ImportedItem.EXTERNAL_KEY_MAX);
            assertThat(item.content().title()).isNotBlank();
        });
    }
}
