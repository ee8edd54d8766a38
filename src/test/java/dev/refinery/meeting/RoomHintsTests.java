package dev.refinery.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.estimation.PokerSettings;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.EventStream;

/**
 * The poker table of a meeting's room: the team's scale with its reference stories at any time; the similar items and
 * the suggestion only once the round is revealed, never before in the room's page, its stream or its fragments, and
 * without links for guests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RoomHintsTests {

    @Value("${local.server.port}")
    int port;

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

    @Autowired
    PokerRounds rounds;

    @Test
    void showsTheScaleAtOnceAndTheSimilarItemsAndSuggestionOnlyAfterTheRevealWithoutLinksForGuests() throws Exception {
        var people = new People(accounts, mvc);
        var fay = people.someone("Fay");
        var ben = people.someone("Ben");
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        var login = items.create(team, ItemPatch.empty().title("Rename the login button").estimate(points(1)), fay).key();
        items.create(team, ItemPatch.empty().title("Refunds of SEPA transfers").description("Refund a SEPA transfer")
            .estimate(points(5)).actual(4), fay);
        items.create(team, ItemPatch.empty().title("Partial refund of a card payment").estimate(points(5)), fay);
        items.create(team, ItemPatch.empty().title("Fix the typo on the invoice footer").estimate(points(1)), fay);
        var item = items.create(team, ItemPatch.empty().title("Refund a card payment by SEPA transfer"), fay).key().toString();
        rounds.save(team, new PokerSettings(PokerSettings.DEFAULT.kind(), List.of(), Estimate.Unit.POINTS, false, true, false, true,
                List.of(new PokerSettings.References("1", List.of(login))), 0), fay.id());
        var session = sessions.plan(team, new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), fay,
                java.time.ZoneOffset.UTC);
        sessions.replace(team, session.id(), List.of(item), List.of(2), fay.id());
        var token = guests.guestLink(team, session.id(), fay.id());
        live.start(team, session.id(), fay.id());
        var page = "/teams/" + team + "/sessions/" + session.id();
        var guest = mvc.get().uri("/join/" + token).exchange().getResponse().getCookie("SESSION");
        assertThat(mvc.post().uri("/join/" + token).cookie(guest).with(csrf()).param("name", "Gina"))
            .hasRedirectedUrl("/guest/" + token);

        try (var bens = new EventStream("http://127.0.0.1:" + port + "/teams/" + team + "/live/session-" + session.id(), ben.email(),
                People.PASSWORD)) {
            bens.await(text -> text.contains("event:room"), Duration.ofSeconds(5));
            assertThat(mvc.post().uri(page + "/phase").with(user(people.signedIn(fay))).with(csrf()).header("HX-Request", "true")
                    .param("phase", "estimate")).hasStatusOk();
            var round = rounds.current(team, item, fay.id()).orElseThrow().id();
            rounds.cast(team, item, round, "5", ben);
            bens.await(text -> text.contains("event:vote") || text.contains("event:board"), Duration.ofSeconds(5));

            var roomBefore = body(mvc.get().uri(page).with(user(people.signedIn(ben))).exchange());
            assertThat(roomBefore).as("the scale is the team's yardstick: it shows before the reveal")
                .contains("id=\"scale\"", "Rename the login button", "href=\"/teams/" + team + "/items/" + login + "\"");
            var guestBefore = body(mvc.get().uri("/guest/" + token).cookie(guest).exchange());
            assertThat(guestBefore).contains("Rename the login button").doesNotContain("href=\"/teams/" + team + "/items/");
            for (var before : List.of(roomBefore, guestBefore, bens.received(),
                    body(mvc.get().uri(page + "/table").with(user(people.signedIn(ben))).exchange()),
                    body(mvc.get().uri(page + "/hints").with(user(people.signedIn(ben))).exchange()),
                    body(mvc.get().uri("/guest/" + token + "/table").cookie(guest).exchange()),
                    body(mvc.get().uri("/guest/" + token + "/hints").cookie(guest).exchange()))) {
                assertThat(before).as("nothing similar or suggested before the reveal")
                    .doesNotContain("Refunds of SEPA transfers", "Partial refund", "Suggested", "similar-items");
            }

            rounds.reveal(team, item, round, fay.id());
            bens.await(text -> text.contains("Revealed"), Duration.ofSeconds(5));

            var hints = body(mvc.get().uri(page + "/hints").with(user(people.signedIn(ben))).exchange());
            assertThat(hints).contains("Similar estimated items", "Refunds of SEPA transfers", "Partial refund of a card payment",
                    "took 2 days", "Suggested ", "hx-trigger=\"sse:board, sse:current\"");
            assertThat(hints).contains("href=\"/teams/" + team + "/items/" + team + "-2\"");
            assertThat(body(mvc.get().uri(page).with(user(people.signedIn(ben))).exchange()))
                .contains("Refunds of SEPA transfers", "Suggested ");
            var guestHints = body(mvc.get().uri("/guest/" + token + "/hints").cookie(guest).exchange());
            assertThat(guestHints).as("guests sit at the table: they see it, without links they cannot open")
                .contains("Refunds of SEPA transfers", "Suggested ", team + "-2").doesNotContain("href=");
            assertThat(body(mvc.get().uri("/guest/" + token).cookie(guest).exchange()))
                .contains("Refunds of SEPA transfers").doesNotContain("href=\"/teams/" + team + "/items/");

            // the team turns the suggestion off: the similar items stay
            var settings = rounds.settings(team, fay.id());
            rounds.save(team, new PokerSettings(settings.kind(), settings.numbers(), settings.customUnit(), settings.autoReveal(),
                    settings.hideAnchors(), settings.pmVotes(), false, settings.references(), settings.version()), fay.id());
            assertThat(body(mvc.get().uri(page + "/hints").with(user(people.signedIn(ben))).exchange()))
                .contains("Refunds of SEPA transfers").doesNotContain("Suggested");
            assertThat(body(mvc.get().uri("/guest/" + token + "/hints").cookie(guest).exchange()))
                .contains("Refunds of SEPA transfers").doesNotContain("Suggested");
        }
    }

    private static Estimate points(int value) {
        return Estimate.of(BigDecimal.valueOf(value), Estimate.Unit.POINTS);
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        }
        catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
