package dev.refinery.live;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.refinery.shared.GuestRooms;
import dev.refinery.shared.NotFound;

/**
 * The live stream of a guest who joined by link: only while the link is active, and only for the name and seat the
 * guest got when joining (kept in their HTTP session).
 */
@Controller
class GuestRoomController {

    private final GuestRooms guests;
    private final LiveRooms rooms;

    GuestRoomController(GuestRooms guests, LiveRooms rooms) {
        this.guests = guests;
        this.rooms = rooms;
    }

    @GetMapping(path = "/guest/{token}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter join(@PathVariable String token, HttpSession session, HttpServletResponse response) {
        var name = session.getAttribute(GuestRooms.NAME_ATTRIBUTE + token);
        var seat = session.getAttribute(GuestRooms.SEAT_ATTRIBUTE + token);
        var room = guests.room(token);
        if (name == null || !(seat instanceof Long id) || room.isEmpty()) {
            throw new NotFound("No guest room here.");
        }
        StreamConnections.smallBuffer(response);
        // present under the seat's voter id: the poker table shows the guest there, and counts them for the reveal
        return rooms.join(room.get(), -id, name + " (guest)");
    }
}
