package dev.refinery.meeting;

import java.time.ZoneId;
import java.util.List;

import dev.refinery.backlog.Risk;

/** The live room as one person sees it: the current item, its phase, questions, pacing, and their own controls. */
public record LiveRoom(String team, RefinementSession session, Agenda agenda, AgendaLine current, List<Question> questions,
        List<Risk> risks, Pacing pacing, boolean facilitates, int questionPauseSeconds, long phaseSinceMillis, ZoneId zone,
        String guestToken) {

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
}
