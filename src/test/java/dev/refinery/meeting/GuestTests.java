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
        var token = sessions.activeGuestLink(team, session.id(), fay.id()).orElseThrow();
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

        sessions.start(team, session.id(), fay.id());
        assertThat(mvc.get().uri(page).with(user(people.signedIn(fay)))).bodyText()
            .as("the live room shows the whole link, which opens the join page wherever it is pasted")
            .contains("href=\"http://localhost/join/" + token + "\"", "guest-link.svg");
        assertThat(mvc.get().uri("/guest/" + token).cookie(guest)).hasStatusOk().bodyText()
            .contains("You are a guest in Checkout", "Pay by SEPA", "sse-connect=\"/guest/" + token + "/live\"")
            .doesNotContain("id=\"controls\"", "Planning poker for");
        assertThat(mvc.post().uri("/guest/" + token + "/questions").cookie(guest).with(csrf()).header("HX-Request", "true")
                .param("question", "Is there a sandbox?"))
            .hasStatusOk().bodyText().contains("Gina (guest):</strong> Is there a sandbox?");
        assertThat(mvc.get().uri(page).cookie(guest).accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/guest/" + token)).hasRedirectedUrl("/join/" + token);

        assertThat(mvc.post().uri(page + "/guest-link/revoke").with(user(people.signedIn(fay))).with(csrf()))
            .hasRedirectedUrl(page + "#guests");
        assertThat(mvc.get().uri("/join/" + token)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/guest/" + token).cookie(guest)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/guest/" + token + "/questions").cookie(guest).with(csrf()).param("question", "Still here?"))
            .hasStatus(HttpStatus.NOT_FOUND);
    }
}
