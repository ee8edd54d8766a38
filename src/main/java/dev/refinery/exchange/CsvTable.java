package dev.refinery.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;

import dev.refinery.backlog.ImportedItem;
import dev.refinery.exchange.Reading.RowError;

/**
 * A CSV file as a spreadsheet shows it: the header names (stripped, repeats kept, in order) and the rows
 * that have a value for each of them, numbered from 2 because the header is row 1. A row with another number
 * of values is an error of that row; a quote that is never closed ends the reading with an error there.
 */
record CsvTable(List<String> headers, List<Row> rows, List<RowError> errors) {

    CsvTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    /** A row of the file with its number and its values, one per header. */
    record Row(int number, List<String> values) {

        Row {
            values = List.copyOf(values);
        }

        Cell cell(CsvTable table, int column) {
            return new Cell(table.headers().get(column), values.get(column));
        }
    }

    /** Turns one row into an item, or throws {@link Unreadable} with why it cannot. */
    interface RowReader {
        ImportedItem item(Row row);
    }

    /** Every row through the reader: the items it could read, and the rows it could not, with this table's own errors, in row order. */
    Reading items(RowReader reader) {
        var items = new ArrayList<ImportedItem>();
        var problems = new ArrayList<>(errors);
        for (var row : rows) {
            try {
                items.add(reader.item(row));
            }
            catch (Unreadable unreadable) {
                problems.add(new RowError(row.number(), unreadable.getMessage()));
            }
        }
        problems.sort((one, other) -> Integer.compare(one.row(), other.row()));
        return new Reading(items, problems);
    }

    /** Reads at most {@code limit} rows of the file. */
    static CsvTable read(String text, int limit) {
        var content = CsvDialect.withoutBom(text);
        var format = CsvDialect.of(content).format();
        var rows = new ArrayList<Row>();
        var errors = new ArrayList<RowError>();
        List<String> headers;
        try (var parser = format.parse(new StringReader(content))) {
            headers = parser.getHeaderNames().stream().map(String::strip).toList();
            var records = parser.iterator();
            while (rows.size() + errors.size() < limit) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                }
                catch (UncheckedIOException | IllegalStateException unreadable) {
                    errors.add(new RowError(rowAfter(rows, errors), "From this row on the file cannot be read as CSV:"
                            + " a quote is not closed, or text follows a closing quote."));
                    break;
                }
                int row = Math.toIntExact(record.getRecordNumber() + 1);
                if (record.size() != headers.size()) {
                    errors.add(new RowError(row, "This row has " + values(record.size()) + " but the header has "
                            + headers.size() + " columns."));
                }
                else {
                    rows.add(new Row(row, record.toList()));
                }
            }
        }
        catch (IOException | UncheckedIOException | IllegalStateException unreadableHeader) {
            throw new IllegalArgumentException("The first line of this file cannot be read as the names of its columns.",
                    unreadableHeader);
        }
        return new CsvTable(headers, rows, errors);
    }

    static CsvTable read(String text) {
        return read(text, Integer.MAX_VALUE);
    }

    private static int rowAfter(List<Row> rows, List<RowError> errors) {
        int last = 1;
        if (!rows.isEmpty()) {
            last = Math.max(last, rows.getLast().number());
        }
        if (!errors.isEmpty()) {
            last = Math.max(last, errors.getLast().row());
        }
        return last + 1;
    }

    private static String values(int count) {
        return count == 1 ? "1 value" : count + " values";
    }

    /** The columns with this name (Jira repeats some), in order. */
    List<Integer> columns(String name) {
        var columns = new ArrayList<Integer>();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).equalsIgnoreCase(name.strip())) {
                columns.add(i);
            }
        }
        return columns;
    }
}
