package dev.refinery.meeting;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.refinery.shared.LiveSnapshots;
import dev.refinery.shared.LiveUpdate;

/**
 * Tells a session's room that it changed. The event is small (the change's time); each page then fetches
 * its own view of the room, since the facilitator's differs from the others'. A page that (re)connects gets
 * the same nudge at once, so it never shows a stale item.
 */
@Component
class SessionRoomEvents implements LiveSnapshots {

    private static final Pattern ROOM = Pattern.compile("team:[A-Z]{2,10}:session-([0-9]{1,18})");

    private final ApplicationEventPublisher events;

    SessionRoomEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    static String room(String team, long session) {
        return "team:" + team + ":session-" + session;
    }

    /** The session whose room this is, if it is a session's room. */
    static Optional<Long> session(String room) {
        var matcher = ROOM.matcher(room);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    void changed(String team, long session) {
        events.publishEvent(nudge(room(team, session)));
    }

    /** Only the questions changed (one asked, or answered without touching the task): pages fetch just those again. */
    void questions(String team, long session) {
        events.publishEvent(new LiveUpdate(room(team, session), "questions", marker()));
    }

    /** The meeting moved to another item: pages reload what shows the current item, its editors too. */
    void moved(String team, long session) {
        events.publishEvent(moved(room(team, session)));
        changed(team, session);
    }

    @Override
    public boolean handles(String room) {
        return ROOM.matcher(room).matches();
    }

    /** Both nudges: the page reloads the room and what depends on the current item (which may have moved). */
    @Override
    public List<LiveUpdate> current(String room) {
        return List.of(moved(room), nudge(room));
    }

    private static LiveUpdate moved(String room) {
        return new LiveUpdate(room, "current", "<span id=\"current-changed\">" + System.currentTimeMillis() + "</span>");
    }

    private static LiveUpdate nudge(String room) {
        return new LiveUpdate(room, "room", marker());
    }

    /** What a nudge carries: its time, which a page shows in a hidden element (tests wait on it). */
    private static String marker() {
        return "<span id=\"room-changed\">" + System.currentTimeMillis() + "</span>";
    }
}
