package dev.refinery.meeting;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.estimation.PokerRounds;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.GuestRooms;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * Guests join a live session by its link (or QR code) with a display name and no account, and get a seat: they
 * follow the room, ask, and vote at its poker table when the team lets guests vote. The name and the seat are kept
 * in their HTTP session for that link only; a revoked link opens nothing, and ends the seat at once.
 */
@Controller
class GuestController {

    private final RefinementSessions sessions;
    private final MeetingQuestions questions;
    private final GuestAccess guests;
    private final GuestSeats seats;
    private final RoomTables tables;
    private final PokerRounds rounds;

    GuestController(RefinementSessions sessions, MeetingQuestions questions, GuestAccess guests, GuestSeats seats, RoomTables tables, PokerRounds rounds) {
        this.sessions = sessions;
        this.questions = questions;
        this.guests = guests;
        this.seats = seats;
        this.tables = tables;
        this.rounds = rounds;
    }

    @GetMapping("/join/{token}")
    String join(@PathVariable String token, Model model) {
        model.addAttribute("join", new JoinPage(token, guests.guestSession(token).title(), "", null));
        return "meeting/join";
    }

    @PostMapping("/join/{token}")
    String joined(@PathVariable String token, @RequestParam(defaultValue = "") String name, HttpSession http, Model model) {
        var session = guests.guestSession(token);
        var trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 40) {
            model.addAttribute("join", new JoinPage(token, session.title(), name, "Give a name of 1 to 40 characters."));
            return "meeting/join";
        }
        var seat = seats.seat(token, trimmed);
        http.setAttribute(GuestRooms.NAME_ATTRIBUTE + token, trimmed);
        http.setAttribute(GuestRooms.SEAT_ATTRIBUTE + token, seat.id());
        return "redirect:/guest/" + token;
    }

    @GetMapping("/guest/{token}")
    String room(@PathVariable String token, HttpSession http, Model model) {
        var seat = guest(token, http);
        if (seat.isEmpty()) {
            return "redirect:/join/" + token;
        }
        try {
            model.addAttribute("room", guests.guestRoom(token));
            model.addAttribute("table", tables.ofGuest(token, seat.get(), null));
            guests.attend(token, seat.get());
            return "meeting/room";
        }
        catch (Rejected notLive) {
            model.addAttribute("join", new JoinPage(token, guests.guestSession(token).title(), "", notLive.getMessage()));
            return "meeting/join";
        }
    }

    /** The room for htmx to swap; once the link is revoked or the meeting over, the page says so and stops listening. */
    @GetMapping("/guest/{token}/room")
    String view(@PathVariable String token, HttpSession http, HttpServletResponse response, Model model) {
        try {
            if (guest(token, http).isEmpty()) {
                response.setHeader("HX-Redirect", "/join/" + token);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return null;
            }
            model.addAttribute("room", guests.guestRoom(token));
            return "meeting/room-view";
        }
        catch (NotFound | Rejected over) {
            // revoked, or the meeting is over
        }
        model.addAttribute("url", null);
        model.addAttribute("guest", true);
        return "meeting/room-over";
    }

    @GetMapping("/guest/{token}/questions")
    String questions(@PathVariable String token, HttpSession http, Model model) {
        seated(token, http);
        model.addAttribute("room", guests.guestRoom(token));
        return "meeting/questions";
    }

    @GetMapping("/guest/{token}/table")
    String table(@PathVariable String token, HttpSession http, Model model) {
        model.addAttribute("table", tables.ofGuest(token, seated(token, http), null));
        return "meeting/table-swap";
    }

    /** Similar items and the suggestion once the round is revealed, without links: a guest cannot open the team's items. */
    @GetMapping("/guest/{token}/hints")
    String hints(@PathVariable String token, HttpSession http, Model model) {
        seated(token, http);
        model.addAttribute("hintsUrl", "/guest/" + token + "/hints");
        model.addAttribute("hints", tables.guestHints(token));
        model.addAttribute("links", false);
        return "meeting/hints";
    }

    @GetMapping("/guest/{token}/hand")
    String hand(@PathVariable String token, HttpSession http, Model model) {
        model.addAttribute("hand", tables.ofGuest(token, seated(token, http), null).hand());
        return "estimation/hand";
    }

    @PostMapping("/guest/{token}/poker/vote")
    String vote(@PathVariable String token, @RequestParam long round, @RequestParam(defaultValue = "") String card,
            HttpSession http, Model model) {
        var seat = seated(token, http);
        var session = guests.guestSession(token);
        String error = null;
        try {
            rounds.castAsGuest(session.team(), RoomTables.current(session).toString(), round, card, seat.voter());
        }
        catch (Rejected | Forbidden refused) {
            error = refused.getMessage();
        }
        model.addAttribute("hand", tables.ofGuest(token, seat, error).hand());
        return "estimation/hand";
    }

    @PostMapping("/guest/{token}/questions")
    String ask(@PathVariable String token, @RequestParam(defaultValue = "") String question, HttpSession http,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var seat = guest(token, http);
        if (seat.isEmpty()) {
            return "redirect:/join/" + token;
        }
        String error = null;
        try {
            questions.askAsGuest(token, seat.get().name(), question);
        }
        catch (Rejected rejected) {
            error = rejected.getMessage();
        }
        if (htmx == null && error == null) {
            return "redirect:/guest/" + token;
        }
        model.addAttribute("room", guests.guestRoom(token));
        model.addAttribute("error", error);
        if (htmx != null) {
            return "meeting/questions";
        }
        model.addAttribute("table", tables.ofGuest(token, seat.get(), null));
        return "meeting/room";
    }

    /** The seat this browser joined the link with, while the link is active. */
    private Optional<GuestSeats.Seat> guest(String token, HttpSession http) {
        guests.guestSession(token);
        return http.getAttribute(GuestRooms.SEAT_ATTRIBUTE + token) instanceof Long id ? seats.active(token, id) : Optional.empty();
    }

    private GuestSeats.Seat seated(String token, HttpSession http) {
        return guest(token, http).orElseThrow(() -> new Forbidden("Join the meeting by its link first."));
    }
}
