package dev.refinery.shared;

/**
 * Text that people wrote, made safe for spreadsheets: a cell that starts like a formula (=, +, -, @, or a tab or
 * carriage return before one) is prefixed with an apostrophe so that opening the file never runs it.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String neutralised(String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
