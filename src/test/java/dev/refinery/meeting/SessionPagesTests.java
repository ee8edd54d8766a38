package dev.refinery.meeting;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Planning a session on its pages: the agenda builder, suggestions, pre-votes, and the agenda to share. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SessionPagesTests {

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

    @Autowired
    RefinementSessions sessions;

    People people;
    Account fay;
    Account ben;
    String team;

    @BeforeEach
    void team() {
        people = new People(accounts, mvc);
        fay = people.someone("Fay");
        ben = people.someone("Ben");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
    }

    @Test
    void buildsAnAgendaFromSuggestionsAndKeysWithTimeBoxesAgainstTheDuration() {
        var ready = items.create(team, ItemPatch.empty().title("Already refined").description("Why")
            .acceptanceCriteria(List.of(new Criterion("Done", false))).estimate(Estimate.of(BigDecimal.TWO, Estimate.Unit.POINTS)), fay)
            .key().toString();
        var unready = items.create(team, ItemPatch.empty().title("Needs refinement"), fay).key().toString();

        var planned = mvc.post().uri("/teams/" + team + "/sessions").with(user(people.signedIn(fay))).with(csrf())
            .param("title", "Checkout refinement").param("startsAt", "2026-12-01T10:00").param("durationMinutes", "15")
            .param("goal", "Ready the SEPA work").exchange();
        var page = planned.getResponse().getRedirectedUrl();
        assertThat(page).startsWith("/teams/" + team + "/sessions/");

        assertThat(mvc.get().uri(page).with(user(people.signedIn(fay)))).bodyText()
            .contains("Suggested: highest-ranked items not ready or not estimated", "Needs refinement")
            .doesNotContain("Already refined");
        mvc.post().uri(page + "/agenda").with(user(people.signedIn(fay))).with(csrf()).param("item", unready).exchange();
        mvc.post().uri(page + "/agenda").with(user(people.signedIn(fay))).with(csrf()).param("item", ready.toLowerCase()).exchange();
        assertThat(mvc.post().uri(page + "/agenda").with(user(people.signedIn(fay))).with(csrf()).param("item", unready))
            .bodyText().contains("id=\"item-error\"", unready + " is on the agenda already.");
        var third = items.create(team, ItemPatch.empty().title("Refund by card"), fay).key().toString();
        assertThat(mvc.post().uri(page + "/agenda").with(user(people.signedIn(fay))).with(csrf()).param("item", "refund"))
            .hasStatusOk().bodyText().contains("id=\"found\"", "value=\"" + third + "\"", "Refund by card");
        assertThat(mvc.post().uri(page + "/agenda").with(user(people.signedIn(fay))).with(csrf()).param("item", "zebra"))
            .hasStatusOk().bodyText().contains("No item key or title matches zebra.");

        assertThat(mvc.post().uri(page + "/agenda/arrange").with(user(people.signedIn(fay))).with(csrf())
                .param("order", ready, unready).param("timeBox", "10", "9")).hasRedirectedUrl(page);
        assertThat(mvc.get().uri(page).with(user(people.signedIn(fay)))).bodyText()
            .containsSubsequence("Already refined", "Needs refinement")
            .contains("Agenda: 2 items, 19 of 15 min — over by 4 min · 1 not ready")
            .contains("missing: description, acceptance criteria, estimate");
        assertThat(mvc.get().uri(page).with(user(people.signedIn(ben)))).bodyText()
            .doesNotContain("Save order and time boxes", "Add to agenda");
    }

    @Test
    void usesTheTeamsDefaultTimeBoxAndPauseForNewItemsAndSessions() {
        assertThat(mvc.post().uri("/teams/" + team + "/sessions/defaults").with(user(people.signedIn(fay))).with(csrf())
                .param("timeBoxMinutes", "0").param("questionPauseSeconds", "30"))
            .hasStatusOk().bodyText().contains("id=\"timeBoxMinutes-error\"", "A time box is 1 to 60 minutes.");
        assertThat(mvc.post().uri("/teams/" + team + "/sessions/defaults").with(user(people.signedIn(ben))).with(csrf())
                .param("timeBoxMinutes", "5").param("questionPauseSeconds", "30")).hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/teams/" + team + "/sessions/defaults").with(user(people.signedIn(fay))).with(csrf())
                .param("timeBoxMinutes", "5").param("questionPauseSeconds", "30")).hasRedirectedUrl("/teams/" + team + "/sessions");

        var item = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var page = mvc.post().uri("/teams/" + team + "/sessions").with(user(people.signedIn(fay))).with(csrf())
            .param("title", "Checkout").param("startsAt", "2026-12-01T10:00").param("durationMinutes", "60").exchange()
            .getResponse().getRedirectedUrl();
        mvc.post().uri(page + "/agenda").with(user(people.signedIn(fay))).with(csrf()).param("item", item).exchange();

        var id = Long.parseLong(page.replaceAll(".*/", ""));
        assertThat(sessions.agenda(team, id, fay.id()).lines().getFirst().timeBoxMinutes()).isEqualTo(5);
        assertThat(sessions.find(team, id, fay.id()).questionPauseSeconds()).isEqualTo(30);
    }

    @Test
    void opensPreVotesWhoseCardsStayHiddenUntilTheMeeting() {
        var item = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var page = mvc.post().uri("/teams/" + team + "/sessions").with(user(people.signedIn(fay))).with(csrf())
            .param("title", "Checkout").param("startsAt", "2026-12-01T10:00").param("durationMinutes", "60").exchange()
            .getResponse().getRedirectedUrl();
        mvc.post().uri(page + "/agenda").with(user(people.signedIn(fay))).with(csrf()).param("item", item).exchange();

        assertThat(mvc.post().uri(page + "/pre-votes").with(user(people.signedIn(fay))).with(csrf()).param("item", item))
            .hasRedirectedUrl(page);
        var round = rounds.current(team, item, ben.id()).orElseThrow();
        rounds.cast(team, item, round.id(), "8", ben);

        assertThat(mvc.get().uri(page).with(user(people.signedIn(ben)))).bodyText()
            .contains("Pre-vote open: 1 voted — vote", "/teams/" + team + "/items/" + item + "/poker").doesNotContain(">8<");
        assertThat(rounds.current(team, item, fay.id()).orElseThrow().votes()).allSatisfy(vote -> assertThat(vote.card()).isNull());
    }

    @Test
    void sharesTheAgendaAsMarkdownWithoutEstimatesWhenAnchorsAreHidden() {
        var item = items.create(team, ItemPatch.empty().title("Pay by SEPA").description("Customers ask for **SEPA**.")
            .technicalNotes("Use the mandate API.").acceptanceCriteria(List.of(new Criterion("A mandate is stored", false)))
            .deadline(java.time.LocalDate.of(2026, 12, 24), "Christmas sales")
            .estimate(Estimate.of(new BigDecimal("5"), Estimate.Unit.POINTS)), fay).key().toString();
        var page = mvc.post().uri("/teams/" + team + "/sessions").with(user(people.signedIn(fay))).with(csrf())
            .param("title", "Checkout").param("startsAt", "2026-12-01T10:00").param("durationMinutes", "60").exchange()
            .getResponse().getRedirectedUrl();
        mvc.post().uri(page + "/agenda").with(user(people.signedIn(fay))).with(csrf()).param("item", item).exchange();

        assertThat(mvc.get().uri(page + "/agenda.md").with(user(people.signedIn(ben))))
            .hasStatusOk().hasContentType("text/markdown;charset=UTF-8").bodyText()
            .contains("# Checkout", "## 1. " + item + " Pay by SEPA (2 min)", "### Description\n\nCustomers ask for **SEPA**.")
            .contains("### Technical notes\n\nUse the mandate API.", "- [ ] A mandate is stored", "Deadline: 2026-12-24 - Christmas sales")
            .doesNotContain("Current estimate");
        assertThat(mvc.get().uri(page + "/agenda").with(user(people.signedIn(ben)))).hasStatusOk().bodyText()
            .contains("class=\"printable\"", "<strong>SEPA</strong>", "A mandate is stored").doesNotContain("Current estimate");
    }
}
