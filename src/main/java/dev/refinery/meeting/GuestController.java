package dev.refinery.meeting;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.shared.GuestRooms;
import dev.refinery.shared.Rejected;

/**
 * Guests join a live session by its link (or QR code) with a display name and no account. The name is kept
 * in their HTTP session for that link only; a revoked link opens nothing.
 */
@Controller
class GuestController {

    private final RefinementSessions sessions;

    GuestController(RefinementSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/join/{token}")
    String join(@PathVariable String token, Model model) {
        model.addAttribute("join", new JoinPage(token, sessions.guestSession(token).title(), "", null));
        return "meeting/join";
    }

    @PostMapping("/join/{token}")
    String joined(@PathVariable String token, @RequestParam(defaultValue = "") String name, HttpSession http, Model model) {
        var session = sessions.guestSession(token);
        var trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 40) {
            model.addAttribute("join", new JoinPage(token, session.title(), name, "Give a name of 1 to 40 characters."));
            return "meeting/join";
        }
        http.setAttribute(GuestRooms.NAME_ATTRIBUTE + token, trimmed);
        return "redirect:/guest/" + token;
    }

    @GetMapping("/guest/{token}")
    String room(@PathVariable String token, HttpSession http, Model model) {
        if (guest(token, http).isEmpty()) {
            return "redirect:/join/" + token;
        }
        try {
            model.addAttribute("room", sessions.guestRoom(token));
            return "meeting/room";
        }
        catch (Rejected notLive) {
            model.addAttribute("join", new JoinPage(token, sessions.guestSession(token).title(), "", notLive.getMessage()));
            return "meeting/join";
        }
    }

    @GetMapping("/guest/{token}/room")
    String view(@PathVariable String token, HttpSession http, Model model) {
        if (guest(token, http).isEmpty()) {
            return "redirect:/join/" + token;
        }
        try {
            model.addAttribute("room", sessions.guestRoom(token));
            return "meeting/room-view";
        }
        catch (Rejected notLive) {
            model.addAttribute("url", "/guest/" + token);
            return "meeting/room-over";
        }
    }

    @PostMapping("/guest/{token}/questions")
    String ask(@PathVariable String token, @RequestParam(defaultValue = "") String question, HttpSession http,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var name = guest(token, http);
        if (name.isEmpty()) {
            return "redirect:/join/" + token;
        }
        String error = null;
        try {
            sessions.askAsGuest(token, name.get(), question);
        }
        catch (Rejected rejected) {
            error = rejected.getMessage();
        }
        if (htmx == null && error == null) {
            return "redirect:/guest/" + token;
        }
        model.addAttribute("room", sessions.guestRoom(token));
        model.addAttribute("error", error);
        return htmx != null ? "meeting/room-view" : "meeting/room";
    }

    /** The name this browser joined the link with; the link must still be active. */
    private Optional<String> guest(String token, HttpSession http) {
        sessions.guestSession(token);
        return Optional.ofNullable(http.getAttribute(GuestRooms.NAME_ATTRIBUTE + token)).map(Object::toString);
    }
}
