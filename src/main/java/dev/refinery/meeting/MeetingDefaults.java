package dev.refinery.meeting;

/** A team's defaults for its meetings: the time box of an agenda item and the silent pause before questions. */
public record MeetingDefaults(int timeBoxMinutes, int questionPauseSeconds) {

    public static final MeetingDefaults STANDARD = new MeetingDefaults(2, 20);
}
