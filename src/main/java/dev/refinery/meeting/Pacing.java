package dev.refinery.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * How the meeting keeps time: which item of how many, how far over or ahead of the time boxes it runs, and
 * when it will end at this pace. "7 of 12 · 4 min over · projected end 10:52".
 */
public record Pacing(int current, int total, long overSeconds, Instant projectedEnd, Instant itemStartedAt,
        int itemTimeBoxSeconds) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * @param lines the agenda; lines before the current one count with the time they took
     * @param currentIndex the current line (0-based)
     * @param itemStartedAt when the current item was taken up
     */
    static Pacing of(List<AgendaLine> lines, int currentIndex, Instant itemStartedAt, Instant now) {
        long over = 0;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (i != currentIndex && line.reviewed()) {
                over += line.spentSeconds() - line.timeBoxMinutes() * 60L;
            }
        }
        var current = lines.get(currentIndex);
        var onCurrent = current.spentSeconds() + Duration.between(itemStartedAt, now).toSeconds();
        var box = current.timeBoxMinutes() * 60L;
        over += Math.max(0, onCurrent - box);
        long remaining = Math.max(0, box - onCurrent);
        for (int i = currentIndex + 1; i < lines.size(); i++) {
            if (!lines.get(i).reviewed()) {
                remaining += lines.get(i).timeBoxMinutes() * 60L;
            }
        }
        return new Pacing(currentIndex + 1, lines.size(), over, now.plusSeconds(remaining),
                itemStartedAt.minusSeconds(current.spentSeconds()), (int) box);
    }

    public String describe(ZoneId zone) {
        var minutes = Math.round(Math.abs(overSeconds) / 60.0);
        var time = overSeconds > 30 ? minutes + " min over" : overSeconds < -30 ? minutes + " min ahead" : "on time";
        return current + " of " + total + " · " + time + " · projected end " + CLOCK.format(projectedEnd.atZone(zone));
    }
}
