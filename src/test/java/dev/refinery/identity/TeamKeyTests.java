package dev.refinery.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TeamKeyTests {

    @ParameterizedTest
    @ValueSource(strings = { "PA", "PAY", "CHECKOUTXY" })
    void acceptsTwoToTenCapitalLetters(String key) {
        assertThat(new TeamKey(key).value()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "P", "pay", "PAY1", "PAY-", "CHECKOUTXYZ", "ÄBC" })
    void rejectsAnythingElseWithTheRule(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TeamKey(key)).withMessage(TeamKey.RULE);
    }

    @Test
    void findsNoTeamForAKeyThatCannotBeOne() {
        assertThat(TeamKey.parse("pay")).isEmpty();
        assertThat(TeamKey.parse(null)).isEmpty();
        assertThat(TeamKey.parse("PAY")).contains(new TeamKey("PAY"));
    }
}
