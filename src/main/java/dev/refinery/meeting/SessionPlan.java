package dev.refinery.meeting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the planning form and the API send to plan a session, as text, checked all at once. */
public record SessionPlan(String title, String workstream, String goal, String startsAt, String durationMinutes,
        String facilitator, String questionPause) {

    /** A plan with the default silent pause before questions. */
    public SessionPlan(String title, String workstream, String goal, String startsAt, String durationMinutes,
            String facilitator) {
        this(title, workstream, goal, startsAt, durationMinutes, facilitator, null);
    }

    Map<String, String> problems() {
        var problems = new LinkedHashMap<String, String>();
        if (title == null || title.isBlank() || title.strip().length() > 120) {
            problems.put("title", "Give the session a title of 1 to 120 characters.");
        }
        if (goal != null && goal.strip().length() > 300) {
            problems.put("goal", "A goal is one sentence: at most 300 characters.");
        }
        if (start(ZoneOffset.UTC) == null) {
            problems.put("startsAt", "When does it start? A date and time like 2026-12-01T10:00, or 2026-12-01T09:00:00Z.");
        }
        var minutes = minutes();
        if (minutes == null || minutes < 15 || minutes > 480) {
            problems.put("durationMinutes", "A session lasts 15 to 480 minutes.");
        }
        var pause = pause();
        if (pause == null || pause < 0 || pause > 120) {
            problems.put("questionPause", "The silent pause before questions is 0 to 120 seconds.");
        }
        return problems;
    }

    /** Seconds of silence that open the questions of each item; 20 unless said otherwise. */
    Integer pause() {
        try {
            return questionPause == null || questionPause.isBlank() ? RefinementSessions.QUESTION_PAUSE_SECONDS
                    : Integer.valueOf(questionPause.strip());
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * When it starts: an RFC 3339 date-time with {@code Z} or an offset (as the API gives it back), or a date and time
     * without one (as the form sends it), which is read in the given zone.
     */
    Instant start(ZoneId zone) {
        if (startsAt == null) {
            return null;
        }
        var text = startsAt.strip().toUpperCase(Locale.ROOT).replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
            catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    Integer minutes() {
        try {
            return durationMinutes == null ? null : Integer.valueOf(durationMinutes.strip());
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }

    public static SessionPlan blank() {
        return new SessionPlan("", "", "", "", "60", "", "");
    }
}
