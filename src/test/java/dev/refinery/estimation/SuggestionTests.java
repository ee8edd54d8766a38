package dev.refinery.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SuggestionTests {

    private static final List<BigDecimal> DECK = Stream.of(1, 2, 3, 5, 8, 13).map(BigDecimal::valueOf).toList();

    @Test
    void suggestsTheValueOfAHistoryWhereAllItemsAreAlike() {
        var history = Collections.nCopies(12, BigDecimal.valueOf(5));
        var similar = List.of(new Similar("PAY-1", "a", BigDecimal.valueOf(5), 3f), new Similar("PAY-2", "b", BigDecimal.valueOf(5), 1f));

        var suggestion = Suggestion.of(similar, history, DECK, Suggestion.Blend.DEFAULT);

        assertThat(suggestion.value()).isEqualByComparingTo("5");
        assertThat(suggestion.confidence()).isEqualTo(Suggestion.Confidence.HIGH);
        assertThat(suggestion.reason()).isEqualTo("Suggested 5: 2 of the 2 most similar items were 5; the team's median is 5.");
    }

    @Test
    void suggestsNothingWithoutHistoryAndSaysSo() {
        var suggestion = Suggestion.of(List.of(), List.of(), DECK, Suggestion.Blend.DEFAULT);

        assertThat(suggestion.suggested()).isFalse();
        assertThat(suggestion.reason()).contains("no item");
    }

    @Test
    void followsTheSimilarItemsAgainstTheMedianAndSaysWhy() {
        var history = Stream.of(3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 8).map(BigDecimal::valueOf).toList();
        var similar = Stream.of(5, 5, 5, 5, 3, 8).map(v -> new Similar("PAY-" + v, "t", BigDecimal.valueOf(v), 2f)).toList();

        var suggestion = Suggestion.of(similar, history, DECK, Suggestion.Blend.DEFAULT);

        assertThat(suggestion.value()).isEqualByComparingTo("5");
        assertThat(suggestion.reason()).isEqualTo("Suggested 5: 4 of the 6 most similar items were 5; the team's median is 3.");
    }

    @Test
    void fallsBackOnTheMedianWhenNothingIsSimilar() {
        var history = Stream.of(1, 2, 3, 3, 3, 8, 13).map(BigDecimal::valueOf).toList();

        var suggestion = Suggestion.of(List.of(), history, DECK, Suggestion.Blend.DEFAULT);

        assertThat(suggestion.value()).isEqualByComparingTo("3");
        assertThat(suggestion.reason()).startsWith("Suggested 3: no item of the team is like this one");
    }

    @Test
    void snapsToTheTeamsDeck() {
        var history = Stream.of(4, 4, 4).map(BigDecimal::valueOf).toList();

        assertThat(Suggestion.of(List.of(), history, DECK, Suggestion.Blend.DEFAULT).value()).isEqualByComparingTo("3");
        assertThat(Suggestion.median(Stream.of(2, 3).map(BigDecimal::valueOf).toList())).isEqualByComparingTo("2.5");
    }
}
