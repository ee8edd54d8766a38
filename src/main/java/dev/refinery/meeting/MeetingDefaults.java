package dev.refinery.meeting;

/**
 * A team's defaults for its meetings: the time box of an agenda item, the silent pause before questions, and
 * whether guests who join by link vote (they always follow and ask).
 */
public record MeetingDefaults(int timeBoxMinutes, int questionPauseSeconds, boolean guestsVote) {

    public static final MeetingDefaults STANDARD = new MeetingDefaults(2, 20, true);
}
