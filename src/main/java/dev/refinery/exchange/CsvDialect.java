package dev.refinery.exchange;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * How a CSV file is written: its delimiter, a comma or (as spreadsheets write it where the comma is the
 * decimal sign) a semicolon. The header is the first record; names may repeat, as Jira repeats "Labels".
 */
record CsvDialect(char delimiter) {

    private static final char BOM = '\uFEFF';

    /** The dialect of this file: the delimiter that occurs more often outside quotes on its first line. */
    static CsvDialect of(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
            else if (!quoted && c == ',') {
                commas++;
            }
            else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return new CsvDialect(semicolons > commas ? ';' : ',');
    }

    /** The text without the byte order mark that spreadsheets put before it. */
    static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    CSVFormat format() {
        return CSVFormat.DEFAULT.builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true)
            .get();
    }
}
