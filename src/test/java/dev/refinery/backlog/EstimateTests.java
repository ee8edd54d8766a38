package dev.refinery.backlog;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EstimateTests {

    @Test
    void keepsPointsAndDaysInHalves() {
        var halfDay = Estimate.of(new BigDecimal("0.5"), Estimate.Unit.DAYS);
        var thirteen = Estimate.of(new BigDecimal("13.0"), Estimate.Unit.POINTS);

        assertThat(halfDay.halves()).isEqualTo(1);
        assertThat(halfDay).hasToString("0.5 d");
        assertThat(thirteen.halves()).isEqualTo(26);
        assertThat(thirteen).hasToString("13 pt");
        assertThat(Estimate.ofHalves(3, Estimate.Unit.DAYS)).isEqualTo(Estimate.of(new BigDecimal("1.5"), Estimate.Unit.DAYS));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0.25", "-1", "999.5", "1000", "1.75" })
    void rejectsValuesOutsideZeroTo999InStepsOfAHalf(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Estimate.of(new BigDecimal(value), Estimate.Unit.POINTS));
    }

    @Test
    void countsOnlyNumbersAsAgreed() {
        assertThat(Estimate.of(BigDecimal.ONE, Estimate.Unit.POINTS).agreed()).isTrue();
        assertThat(Estimate.of(Estimate.Outcome.UNKNOWN).agreed()).isFalse();
        assertThat(Estimate.of(Estimate.Outcome.TOO_BIG)).hasToString("too big, split it");
    }
}
