package dev.refinery.meeting;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** A guest joins a live session by its link with a name and no account, until the link is revoked. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GuestTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    @Autowired
    RefinementSessions sessions;

    @Autowired
    LiveMeetings live;

    @Autowired
    GuestAccess guests;

    @Test
    void joinsByLinkFollowsTheRoomAsksAndIsShutOutOnceTheLinkIsRevoked() {
        var people = new People(accounts, mvc);
        var fay = people.someone("Fay");
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        var item = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var session = sessions.plan(team, new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), fay,
                java.time.ZoneOffset.UTC);
        sessions.replace(team, session.id(), List.of(item), List.of(2), fay.id());
        var page = "/teams/" + team + "/sessions/" + session.id();

        assertThat(mvc.post().uri(page + "/guest-link").with(user(people.signedIn(fay))).with(csrf()))
            .hasRedirectedUrl(page + "#guests");
        var token = guests.activeGuestLink(team, session.id(), fay.id()).orElseThrow();
        assertThat(mvc.get().uri(page).with(user(people.signedIn(fay)))).bodyText()
            .contains("http://localhost/join/" + token, "guest-link.svg");
        assertThat(mvc.get().uri(page + "/guest-link.svg").with(user(people.signedIn(fay))))
            .hasContentType(MediaType.valueOf("image/svg+xml")).bodyText().startsWith("<svg").contains("<path fill=\"#000\" d=\"M");

        // Sessions live in the database (Spring Session): the guest is the browser that carries this cookie.
        var joining = mvc.get().uri("/join/" + token).exchange();
        assertThat(joining).hasStatusOk().bodyText().contains("Join Checkout", "Your name");
        var guest = joining.getResponse().getCookie("SESSION");
        assertThat(guest).as("the session cookie").isNotNull();
        assertThat(mvc.post().uri("/join/" + token).cookie(guest).with(csrf()).param("name", " "))
            .hasStatusOk().bodyText().contains("Give a name of 1 to 40 characters.");
        assertThat(mvc.post().uri("/join/" + token).cookie(guest).with(csrf()).param("name", "Gina"))
            .hasRedirectedUrl("/guest/" + token);
        assertThat(mvc.get().uri("/guest/" + token).cookie(guest)).bodyText().contains("The meeting has not started yet.");

        live.start(team, session.id(), fay.id());
        assertThat(mvc.get().uri(page).with(user(people.signedIn(fay)))).bodyText()
            .as("the live room shows the whole link, which opens the join page wherever it is pasted")
            .contains("href=\"http://localhost/join/" + token + "\"", "guest-link.svg");
        assertThat(mvc.get().uri("/guest/" + token).cookie(guest)).hasStatusOk().bodyText()
            .contains("You are a guest in Checkout", "Pay by SEPA", "sse-connect=\"/guest/" + token + "/live\"")
            .doesNotContain("id=\"controls\"", "Planning poker for");
        // Every script and style sheet of the guest's room answers the guest (a refused one left the page loading forever).
        var room = mvc.get().uri("/guest/" + token).cookie(guest).exchange();
        var assets = java.util.regex.Pattern.compile("(?:src|href)=\"(/(?:js|css|webjars)/[^\"]+)\"").matcher(bodyOf(room)).results()
            .map(found -> found.group(1)).toList();
        assertThat(assets).as("the room's scripts and styles").anyMatch(asset -> asset.startsWith("/js/"));
        for (var asset : assets) {
            assertThat(mvc.get().uri(asset).cookie(guest)).as(asset).hasStatusOk();
        }
        assertThat(mvc.post().uri("/guest/" + token + "/questions").cookie(guest).with(csrf()).header("HX-Request", "true")
                .param("question", "Is there a sandbox?"))
            .hasStatusOk().bodyText().contains("Gina (guest):</strong> Is there a sandbox?");
        assertThat(mvc.get().uri(page).cookie(guest).accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/guest/" + token)).hasRedirectedUrl("/join/" + token);
        assertThat(mvc.get().uri("/guest/" + token + "/room").header("HX-Request", "true"))
            .as("a browser without a seat that refreshes the room is sent to join, not told the meeting is over")
            .hasStatus(HttpStatus.NO_CONTENT).hasHeader("HX-Redirect", "/join/" + token);

        assertThat(mvc.post().uri(page + "/guest-link/revoke").with(user(people.signedIn(fay))).with(csrf()))
            .hasRedirectedUrl(page + "#guests");
        assertThat(mvc.get().uri("/join/" + token)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/guest/" + token).cookie(guest)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/guest/" + token + "/questions").cookie(guest).with(csrf()).param("question", "Still here?"))
            .hasStatus(HttpStatus.NOT_FOUND);

        live.close(team, session.id(), "Only a first look", fay);
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/sessions/" + session.id() + "/summary").with(People.basic(fay)))
            .as("the guest who was in the room is among the attendees").hasStatusOk().bodyJson()
            .extractingPath("$.attendees").asArray().contains("Gina (guest)");
    }

    @Autowired
    dev.refinery.estimation.PokerRounds rounds;

    @Test
    void guestsVoteAtTheRoomsTableUnlessTheTeamKeepsThemToWatchingAndTheRestOfTheAgendaIsReordered() {
        var people = new People(accounts, mvc);
        var fay = people.someone("Fay");
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        var keys = List.of("Pay by SEPA", "Refund by card", "Export statements").stream()
            .map(title -> items.create(team, ItemPatch.empty().title(title), fay).key().toString()).toList();
        var session = sessions.plan(team, new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), fay,
                java.time.ZoneOffset.UTC);
        sessions.replace(team, session.id(), keys, List.of(2, 2, 2), fay.id());
        var page = "/teams/" + team + "/sessions/" + session.id();
        var token = guests.guestLink(team, session.id(), fay.id());
        live.start(team, session.id(), fay.id());
        var guest = mvc.get().uri("/join/" + token).exchange().getResponse().getCookie("SESSION");
        assertThat(mvc.post().uri("/join/" + token).cookie(guest).with(csrf()).param("name", "Gina"))
            .hasRedirectedUrl("/guest/" + token);

        // the team keeps guests to watching: no seat at the table, and a vote is refused
        assertThat(mvc.post().uri("/teams/" + team + "/sessions/defaults").with(user(people.signedIn(fay))).with(csrf())
                .param("timeBoxMinutes", "2").param("questionPauseSeconds", "20"))
            .hasRedirectedUrl("/teams/" + team + "/sessions");
        assertThat(mvc.post().uri(page + "/phase").with(user(people.signedIn(fay))).with(csrf()).header("HX-Request", "true")
                .param("phase", "estimate")).hasStatusOk().bodyText().contains("data-phase=\"estimate\"");
        var round = rounds.current(team, keys.getFirst(), fay.id()).orElseThrow().id();
        assertThat(mvc.get().uri("/guest/" + token + "/hand").cookie(guest)).hasStatusOk().bodyText()
            .contains("You are observing this round.").doesNotContain("poker-card");
        assertThat(mvc.post().uri("/guest/" + token + "/poker/vote").cookie(guest).with(csrf()).param("round", String.valueOf(round))
                .param("card", "5")).hasStatusOk().bodyText().contains("You have no seat at this table");
        assertThat(mvc.get().uri(page + "/table").with(user(people.signedIn(fay)))).bodyText().doesNotContain("Gina");

        // guests vote (the default): Gina's seat is at the table, her vote counts, her card stays hers until the reveal
        assertThat(mvc.post().uri("/teams/" + team + "/sessions/defaults").with(user(people.signedIn(fay))).with(csrf())
                .param("timeBoxMinutes", "2").param("questionPauseSeconds", "20").param("guestsVote", "true"))
            .hasRedirectedUrl("/teams/" + team + "/sessions");
        assertThat(mvc.post().uri("/guest/" + token + "/poker/vote").cookie(guest).with(csrf()).param("round", String.valueOf(round))
                .param("card", "8")).hasStatusOk().bodyText().contains("You voted 8: waiting for the reveal");
        assertThat(mvc.get().uri(page + "/table").with(user(people.signedIn(fay)))).bodyText()
            .contains("Gina", "Voting: 1 of 2 voted").doesNotContain("card-face");
        rounds.cast(team, keys.getFirst(), round, "5", fay);
        assertThat(mvc.get().uri(page + "/table").with(user(people.signedIn(fay)))).bodyText()
            .contains("Revealed", "<span class=\"card-face\">8</span>", "5 to 8");

        // the rest of the agenda, after the current item, in the facilitator's order; a stale order is refused
        assertThat(mvc.post().uri(page + "/agenda/rest").with(user(people.signedIn(fay))).with(csrf()).header("HX-Request", "true")
                .param("order", keys.get(2), keys.get(1))).hasStatusOk();
        assertThat(sessions.agenda(team, session.id(), fay.id()).lines().stream().map(line -> line.item().key().toString()))
            .containsExactly(keys.get(0), keys.get(2), keys.get(1));
        assertThat(mvc.post().uri(page + "/agenda/rest").with(user(people.signedIn(fay))).with(csrf()).header("HX-Request", "true")
                .param("order", keys.get(1))).bodyText().contains("The agenda changed meanwhile");

        // the link revoked: the guest's page says so and stops listening; votes and the table are closed to her
        guests.revokeGuestLink(team, session.id(), fay.id());
        assertThat(mvc.get().uri("/guest/" + token + "/room").cookie(guest)).hasStatusOk().bodyText()
            .contains("This meeting has ended for guests", "id=\"room-live\" hx-swap-oob=\"outerHTML\"");
        assertThat(mvc.post().uri("/guest/" + token + "/poker/vote").cookie(guest).with(csrf()).param("round", String.valueOf(round))
                .param("card", "3")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(page + "/table").with(user(people.signedIn(fay)))).bodyText().doesNotContain("Gina");
    }

    private static String bodyOf(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        }
        catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
