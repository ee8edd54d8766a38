package dev.refinery.exchange;

import org.junit.jupiter.api.Test;

import dev.refinery.exchange.Reading.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsvDialectTests {

    @Test
    void choosesTheDelimiterThatSeparatesTheHeader() {
        assertThat(CsvDialect.of("a,b,c\n1;2;3").delimiter()).isEqualTo(',');
        assertThat(CsvDialect.of("a;b;c\r\n1,5;2;3").delimiter()).isEqualTo(';');
        assertThat(CsvDialect.of("\"a,b,c\";d;e\n").delimiter()).isEqualTo(';');
        assertThat(CsvDialect.of("title").delimiter()).isEqualTo(',');
    }

    @Test
    void dropsTheByteOrderMark() {
        assertThat(CsvDialect.withoutBom("\uFEFFTitle")).isEqualTo("Title");
        assertThat(CsvDialect.withoutBom("Title")).isEqualTo("Title");
    }

    @Test
    void numbersRowsAsASpreadsheetDoesWithAQuotedLineBreakInOneRow() {
        var table = CsvTable.read("\uFEFF Title ,Notes\r\nOne,\"two\r\nlines\"\r\nThree,four\r\n");

        assertThat(table.headers()).containsExactly("Title", "Notes");
        assertThat(table.rows()).extracting(CsvTable.Row::number).containsExactly(2, 3);
        assertThat(table.rows().getFirst().values()).containsExactly("One", "two\r\nlines");
    }

    @Test
    void keepsRepeatedAndEmptyHeaderNamesInTheirColumns() {
        var table = CsvTable.read("Labels,,Labels,Title\na,x,b,T\n");

        assertThat(table.headers()).containsExactly("Labels", "", "Labels", "Title");
        assertThat(table.columns("labels")).containsExactly(0, 2);
        assertThat(table.rows().getFirst().values()).containsExactly("a", "x", "b", "T");
    }

    @Test
    void reportsARowWithAnotherNumberOfValues() {
        var table = CsvTable.read("Title,Points\nOne,1\nTwo\nThree,3,extra\nFour,4\n");

        assertThat(table.rows()).extracting(CsvTable.Row::number).containsExactly(2, 5);
        assertThat(table.errors()).containsExactly(
                new RowError(3, "This row has 1 value but the header has 2 columns."),
                new RowError(4, "This row has 3 values but the header has 2 columns."));
    }

    @Test
    void stopsWhereAQuoteIsNeverClosed() {
        var table = CsvTable.read("Title,Points\nOne,1\n\"Two,2\nThree,3\n");

        assertThat(table.rows()).extracting(CsvTable.Row::number).containsExactly(2);
        assertThat(table.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(3);
            assertThat(error.reason()).contains("quote");
        });
    }

    @Test
    void rejectsAHeaderThatCannotBeRead() {
        assertThatIllegalArgumentException().isThrownBy(() -> CsvTable.read("\"Title,Points\n"))
            .withMessageContaining("names of its columns");
    }
}
