package dev.refinery.meeting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryExportTests {

    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
        assertThat(SummaryExport.cell("=HYPERLINK(\"http://evil.example\")")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        assertThat(SummaryExport.cell("+1")).isEqualTo("'+1");
        assertThat(SummaryExport.cell("-2")).isEqualTo("'-2");
        assertThat(SummaryExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SummaryExport.cell("Pay by SEPA")).isEqualTo("Pay by SEPA");
        assertThat(SummaryExport.cell("")).isEmpty();
    }
}
