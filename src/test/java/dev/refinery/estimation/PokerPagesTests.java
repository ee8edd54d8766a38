package dev.refinery.estimation;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The poker room and the poker settings, as pages and htmx fragments. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PokerPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    @Autowired
    PokerRounds rounds;

    People people;
    Account fay;
    Account ben;
    Account olga;
    String team;
    String item;

    @BeforeEach
    void table() {
        people = new People(accounts, mvc);
        fay = people.someone("Fay");
        ben = people.someone("Ben");
        olga = people.someone("Olga");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        teams.add(team, new NewMember(olga.email(), "observer"), fay.id());
        item = items.create(team, ItemPatch.empty().title("Pay by SEPA")
            .estimate(Estimate.of(new BigDecimal("8"), Estimate.Unit.POINTS)), fay).key().toString();
    }

    @Test
    void startsARoundAndDealsCardsToVotersOnly() {
        var room = "/teams/" + team + "/items/" + item + "/poker";

        assertThat(mvc.get().uri(room).with(user(people.signedIn(fay)))).hasStatusOk().bodyText()
            .contains("No round yet", "Start a round", "sse-connect=\"/teams/" + team + "/live/poker-1\"");
        assertThat(mvc.post().uri(room + "/rounds").with(user(people.signedIn(fay))).with(csrf())).hasRedirectedUrl(room);

        assertThat(mvc.get().uri(room).with(user(people.signedIn(ben)))).bodyText()
            .contains("Voting: 0 of 2 voted", "class=\"poker-card\"", "value=\"13\"")
            .contains("The previous estimate stays hidden until the reveal.").doesNotContain("Current estimate: 8 pt", "Reveal");
        assertThat(mvc.get().uri(room).with(user(people.signedIn(olga)))).bodyText()
            .contains("You are observing this round.").doesNotContain("class=\"poker-card");
        assertThat(mvc.post().uri(room + "/rounds").with(user(people.signedIn(ben))).with(csrf()))
            .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void marksTheVotersOwnCardInTheirHandOnlyAndShowsTheEstimateAfterTheReveal() {
        var room = "/teams/" + team + "/items/" + item + "/poker";
        var round = rounds.open(team, item, fay).id();

        assertThat(mvc.post().uri(room + "/vote").with(user(people.signedIn(ben))).with(csrf()).header("HX-Request", "true")
                .param("round", Long.toString(round)).param("card", "5"))
            .hasStatusOk().bodyText().contains("class=\"poker-card chosen\" aria-pressed=\"true\">5</button>")
            .doesNotContain("<html");
        assertThat(mvc.get().uri(room + "/hand").with(user(people.signedIn(fay)))).bodyText()
            .doesNotContain("chosen").contains("Reveal");
        assertThat(mvc.post().uri(room + "/vote").with(user(people.signedIn(ben))).with(csrf()).header("HX-Request", "true")
                .param("round", Long.toString(round)).param("card", "4"))
            .hasStatusOk().bodyText().contains("Pick a card of the deck");

        assertThat(mvc.post().uri(room + "/reveal").with(user(people.signedIn(fay))).with(csrf())
                .param("round", Long.toString(round))).hasRedirectedUrl(room);
        assertThat(mvc.get().uri(room).with(user(people.signedIn(ben)))).bodyText()
            .contains("Current estimate: 8 pt", "<span class=\"card-face\">5</span>", "Suggested");
    }

    @Test
    void savesTheTeamsDeckAndRefusesCardsThatCannotBe() {
        assertThat(mvc.post().uri("/teams/" + team + "/poker").with(user(people.signedIn(fay))).with(csrf())
                .param("kind", "custom").param("numbers", "3, 1, 2").param("version", "0"))
            .hasStatusOk().bodyText().contains("id=\"numbers-error\"", "smallest first", "value=\"3, 1, 2\"");
        assertThat(mvc.post().uri("/teams/" + team + "/poker").with(user(people.signedIn(fay))).with(csrf())
                .param("kind", "tshirt").param("numbers", "-1, 2, 4, 8, 16, 5000").param("version", "0"))
            .hasStatusOk().bodyText().contains("id=\"numbers-error\"", "six numbers from 0 to 999 in steps of 0.5");
        assertThat(mvc.post().uri("/teams/" + team + "/poker").with(user(people.signedIn(fay))).with(csrf())
                .param("kind", "tshirt").param("numbers", "1, 2, 4, 8, 16, 32").param("autoReveal", "true")
                .param("version", "0"))
            .hasRedirectedUrl("/teams/" + team + "/poker?saved=1");
        assertThat(mvc.post().uri("/teams/" + team + "/poker").with(user(people.signedIn(ben))).with(csrf())
                .param("kind", "fibonacci").param("version", "1"))
            .hasStatus(HttpStatus.FORBIDDEN);

        var round = rounds.open(team, item, fay);
        assertThat(round.deck().hand()).extracting(Card::face).containsExactly("XS", "S", "M", "L", "XL", "XXL", "?", "pass");
        rounds.cast(team, item, round.id(), "L", ben);
        rounds.cast(team, item, round.id(), "L", fay);
        assertThat(rounds.agree(team, item, round.id(), "L", fay)).hasToString("8 pt");
    }
}
