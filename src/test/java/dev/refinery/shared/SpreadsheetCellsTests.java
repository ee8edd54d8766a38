package dev.refinery.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTests {

    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
        assertThat(SpreadsheetCells.neutralised("=HYPERLINK(\"http://evil.example\")")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        assertThat(SpreadsheetCells.neutralised("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetCells.neutralised("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetCells.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.neutralised("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetCells.neutralised("Pay by SEPA")).isEqualTo("Pay by SEPA");
        assertThat(SpreadsheetCells.neutralised("")).isEmpty();
        assertThat(SpreadsheetCells.neutralised(null)).isEmpty();
    }
}
