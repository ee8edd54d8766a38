package dev.refinery.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateEvaluationTests {

    @TempDir
    Path folder;

    /**
     * Small items are about the login label, big ones about migrating billing; three in four are small. The median is
     * 1, wrong by 12 on every big item; the words tell the size exactly, so the suggestion is never wrong.
     */
    @Test
    void beatsTheMedianWhenTheWordsTellTheSize() throws IOException {
        var csv = new StringBuilder("issuekey,title,description,storypoint\n");
        for (var i = 1; i <= 100; i++) {
            var big = i % 4 == 0;
            csv.append("P-").append(i).append(',').append(big ? "Migrate the billing database" : "Rename the login label")
                .append(",\"").append(big ? "<p>Move *every* invoice table</p>" : "").append("\",").append(big ? 13 : 1).append('\n');
        }
        Files.writeString(folder.resolve("words.csv"), csv);
        Files.writeString(folder.resolve("notes.txt"), "not a CSV: left out");

        var results = EstimateEvaluation.evaluate(folder, false);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.rows()).isEqualTo(100);
            assertThat(result.scored()).isEqualTo(20);
            assertThat(result.suggestionError()).isZero();
            assertThat(result.medianError()).isCloseTo(12 * 5 / 20.0, within(1e-9));
            assertThat(result.beatsMedian()).isTrue();
        });
        assertThat(EstimateEvaluation.table(results)).contains("| words.csv | 100 | 20 |", "| 0.000 | 3.000 | yes |", "1 of 1");
    }

    @Test
    void scoresDeployedItemsAgainstAGrowingHistoryAndLeavesOutRowsWithoutPoints() throws IOException {
        var points = new int[] { 2, 8, 2, 8, 2, 8, 8, 8, 8, 8 };
        var csv = new StringBuilder("issuekey,title,description,storypoint\n");
        for (var i = 0; i < points.length; i++) {
            // no two titles share a word: nothing is similar, only the history speaks
            csv.append("P-").append(i + 1).append(",w").append(i + 1).append(",,").append(points[i]).append('\n');
        }
        csv.append("P-11,No points yet,,\n");
        Files.writeString(folder.resolve("drift.csv"), csv);

        var fixed = EstimateEvaluation.evaluate(folder, false).getFirst();
        var deployed = EstimateEvaluation.evaluate(folder, true).getFirst();

        assertThat(fixed.rows()).isEqualTo(10);
        // the history is three 2s and three 8s: its median is 5, 3 off each scored 8; the suggestion, on the deck, says 2
        assertThat(fixed.medianError()).isEqualTo(3);
        assertThat(fixed.suggestionError()).isEqualTo(6);
        // deployed, the tuning 8s have joined the history before the scored rows: five 8s of eight
        assertThat(deployed.medianError()).isZero();
        assertThat(deployed.suggestionError()).isZero();
    }
}
