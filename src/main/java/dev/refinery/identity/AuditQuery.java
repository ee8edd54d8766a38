package dev.refinery.identity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;

import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** The audit log's filters as a page or the API receives them: text, checked into an {@link AuditFilter}. */
record AuditQuery(String kind, String person, String from, String to, Integer page) {

    static final int LONGEST_PERSON = 254;

    AuditQuery {
        kind = blankIsNull(kind);
        person = blankIsNull(person);
        from = blankIsNull(from);
        to = blankIsNull(to);
    }

    /** The filter, or {@link Rejected} naming every field that is wrong. */
    AuditFilter filter() {
        var problems = new LinkedHashMap<String, String>();
        var chosen = kind == null ? null : AuditKind.of(kind).orElse(null);
        if (kind != null && chosen == null) {
            problems.put("kind", "Choose one of the kinds in the list.");
        }
        if (person != null && person.length() > LONGEST_PERSON) {
            problems.put("person", "At most " + LONGEST_PERSON + " characters.");
        }
        var fromDay = day(from, "from", problems);
        var toDay = day(to, "to", problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.put("to", "The last day comes on or after the first day.");
        }
        if (page != null && page < 1) {
            problems.put("page", "Pages count from 1.");
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return new AuditFilter(chosen, person, fromDay, toDay, page == null ? 1 : page);
    }

    FieldErrors errors() {
        try {
            filter();
            return FieldErrors.NONE;
        }
        catch (Rejected rejected) {
            return FieldErrors.of(rejected);
        }
    }

    private static LocalDate day(String text, String field, LinkedHashMap<String, String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException unreadable) {
            problems.put(field, "A day as year-month-day, such as 2026-03-31.");
            return null;
        }
    }

    private static String blankIsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
