package dev.refinery.meeting;

import java.time.ZoneId;
import java.util.List;

import dev.refinery.backlog.Risk;

/** The live room as one person sees it: the current item, its phase, questions, pacing, and their own controls. */
public record LiveRoom(String team, RefinementSession session, Agenda agenda, AgendaLine current, List<Question> questions,
        List<Risk> risks, Pacing pacing, boolean facilitates, int questionPauseSeconds, long phaseSinceMillis, ZoneId zone,
        String guestToken, long readAt) {

    /** Where this person's room lives: the session's page for members, the guest link's page for a guest. */
    public String url() {
        return guestToken == null ? "/teams/" + team + "/sessions/" + session.id() : "/guest/" + guestToken;
    }

    public String liveUrl() {
        return guestToken == null ? "/teams/" + team + "/live/session-" + session.id() : "/guest/" + guestToken + "/live";
    }

    public boolean guest() {
        return guestToken != null;
    }

    public String pacingText() {
        return pacing.describe(zone);
    }

    public Outcome[] outcomes() {
        return Outcome.values();
    }

    public Phase[] phases() {
        return Phase.values();
    }

    /**
     * When this view of the room was read, in milliseconds (taken before reading): a page swaps in a view only if it is
     * not older than the one it shows, so that a fetch overtaken by one's own change never undoes it.
     */
    public long rendered() {
        return readAt;
    }

    public Phase phase() {
        return session.phase() == null ? Phase.WALK_THROUGH : session.phase();
    }

    /** The key that takes the meeting to a phase in the facilitator's room. */
    public static String key(Phase phase) {
        return switch (phase) {
            case WALK_THROUGH -> "w";
            case QUESTIONS -> "q";
            case ESTIMATE -> "e";
            case OUTCOME -> "o";
        };
    }

    /** Where an agenda line stands: its outcome, the current one, reviewed without an outcome, or not reached. */
    public String state(AgendaLine line) {
        if (line.outcome() != null) {
            return line.outcome().label();
        }
        if (line == current) {
            return "now";
        }
        return line.reviewed() ? "reviewed, no outcome" : "not reached";
    }

    /** Whether the facilitator may still move a line by drag: not taken up yet, and not the current one. */
    public boolean movable(AgendaLine line) {
        return facilitates && line != current && !line.reviewed();
    }

    /** Minutes spent of the time box, as "3:10 / 4 min"; only what was spent before the line was left. */
    public String time(AgendaLine line) {
        var spent = line.spentSeconds();
        return (spent == 0 ? "" : spent / 60 + ":" + String.format("%02d", spent % 60) + " / ") + line.timeBoxMinutes() + " min";
    }
}
