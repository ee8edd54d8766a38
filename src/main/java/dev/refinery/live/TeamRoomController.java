package dev.refinery.live;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;

/** The live stream of a team's page: members only, like the page itself. */
@Controller
class TeamRoomController {

    private final Teams teams;
    private final LiveRooms rooms;

    TeamRoomController(Teams teams, LiveRooms rooms) {
        this.teams = teams;
        this.rooms = rooms;
    }

    @GetMapping(path = "/teams/{key}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter join(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key, HttpServletResponse response) {
        var team = teams.find(key, me.id()).team();
        StreamConnections.smallBuffer(response);
        return rooms.join("team:" + team.key().value(), me.id().value(), me.account().displayName());
    }

    /** A room of a team's page other than its home, such as the planning poker of one item. */
    @GetMapping(path = "/teams/{key}/live/{room:[a-z0-9-]{1,60}}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter join(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key, @PathVariable String room,
            HttpServletResponse response) {
        var team = teams.find(key, me.id()).team();
        StreamConnections.smallBuffer(response);
        return rooms.join("team:" + team.key().value() + ":" + room, me.id().value(), me.account().displayName());
    }
}
