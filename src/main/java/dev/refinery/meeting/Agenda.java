package dev.refinery.meeting;

import java.util.List;

/** A session's agenda in order, with its total time against the session's duration. */
public record Agenda(RefinementSession session, List<AgendaLine> lines) {

    public int totalMinutes() {
        return lines.stream().mapToInt(AgendaLine::timeBoxMinutes).sum();
    }

    public boolean over() {
        return totalMinutes() > session.durationMinutes();
    }

    public long notReady() {
        return lines.stream().filter(line -> !line.ready()).count();
    }
}
