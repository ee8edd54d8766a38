package dev.refinery.meeting;

import java.math.BigDecimal;
import java.util.List;

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

/** A session run end to end on its pages: the walk-through, questions folded into the task, outcomes, close, summary. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LiveSessionTests {

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

    @Autowired
    LiveMeetings live;

    People people;
    Account fay;
    Account ben;
    String team;
    String first;
    String second;
    String third;
    String page;

    @BeforeEach
    void meeting() {
        people = new People(accounts, mvc);
        fay = people.someone("Fay");
        ben = people.someone("Ben");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        first = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        second = items.create(team, ItemPatch.empty().title("Refund by card"), fay).key().toString();
        third = items.create(team, ItemPatch.empty().title("Not reached"), fay).key().toString();
        page = mvc.post().uri("/teams/" + team + "/sessions").with(user(people.signedIn(fay))).with(csrf())
            .param("title", "Checkout").param("startsAt", "2026-12-01T10:00").param("durationMinutes", "30").exchange()
            .getResponse().getRedirectedUrl();
        var id = Long.parseLong(page.replaceAll(".*/", ""));
        sessions.replace(team, id, List.of(first, second, third), List.of(2, 2, 2), fay.id());
    }

    @Test
    void walksTheAgendaFoldsQuestionsIntoTasksRecordsOutcomesAndSummarizes() {
        assertThat(post(ben, "/start")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(fay, "/start")).hasRedirectedUrl(page);

        assertThat(mvc.get().uri(page).with(user(people.signedIn(ben)))).hasStatusOk().bodyText()
            .contains("1 of 3 ·", "Pay by SEPA", "Walk-through", "sse-connect=\"/teams/" + team + "/live/session-")
            .doesNotContain("id=\"controls\"");
        assertThat(htmx(ben, "/questions", "question", "Which banks?")).hasStatusOk().bodyText().contains("Ben:</strong> Which banks?");
        var question = sessionsQuestion();
        assertThat(htmx(fay, "/questions/" + question + "/answer", "answer", "All SEPA banks", "fold", "criterion"))
            .hasStatusOk().bodyText().contains("Answer: All SEPA banks", "☐ All SEPA banks");
        assertThat(items.find(team, first, fay.id()).content().acceptanceCriteria())
            .extracting(c -> c.text()).containsExactly("All SEPA banks");

        var round = rounds.open(team, first, fay).id();
        rounds.cast(team, first, round, "3", fay);
        rounds.cast(team, first, round, "13", ben);
        rounds.agree(team, first, round, "5", fay);
        assertThat(mvc.get().uri(page + "/room").with(user(people.signedIn(fay)))).bodyText().contains("<strong id=\"outcome\">Estimated</strong>");

        assertThat(htmx(fay, "/current", "step", "next")).bodyText().contains("2 of 3 ·", "Refund by card");
        assertThat(htmx(fay, "/questions", "question", "Do we need design work?")).hasStatusOk();
        assertThat(htmx(fay, "/questions/" + sessionsQuestion() + "/answer", "answer", "Spike the refund API", "fold", "follow-up"))
            .hasStatusOk();
        assertThat(post(fay, "/close")).hasStatusOk().bodyText()
            .contains("Give every reviewed item an outcome first (" + second + ")");
        assertThat(htmx(fay, "/outcomes", "item", second, "outcome", "skipped")).bodyText().contains("Say why the item is skipped.");
        assertThat(htmx(fay, "/outcomes", "item", second, "outcome", "needs-design", "note", "Turned into a design talk"))
            .bodyText().contains("<strong id=\"outcome\">Needs design</strong>");
        assertThat(post(fay, "/close")).hasRedirectedUrl(page);

        var summary = mvc.get().uri(page).with(user(people.signedIn(ben)));
        assertThat(summary).hasStatusOk().bodyText()
            .contains("Summary: Checkout", "Fay", "Ben", "5 points, 0 days; 2.5 days in all")
            .contains(first, "Estimated", "5 pt", "3 steps", "Which banks?", "Answer: All SEPA banks")
            .contains(second, "Needs design", "Turned into a design talk", "Design proposal: Refund by card", "Spike the refund API")
            .contains("Carried over", third);
        assertThat(mvc.get().uri(page + "/summary.md").with(user(people.signedIn(ben)))).bodyText()
            .contains("# Summary: Checkout", "- Outcome: Estimated", "- Estimate: 5 pt", "- Vote spread: 3 steps",
                    "- Q (Ben): Which banks?\n  A: All SEPA banks", "- Follow-up: ", "Design proposal: Refund by card",
                    "- Carried over: " + third);
        assertThat(mvc.get().uri(page + "/summary.csv").with(user(people.signedIn(ben)))).bodyText()
            .startsWith("key,title,outcome,note,estimate").contains(first + ",Pay by SEPA,estimated,,5 pt,3");

        var carriedTo = sessions.of(team, fay.id()).stream().filter(s -> s.title().equals("Carry-over: Checkout")).findFirst().orElseThrow();
        assertThat(sessions.agenda(team, carriedTo.id(), fay.id()).lines()).extracting(l -> l.item().key().toString())
            .containsExactly(third);
    }

    @Test
    void closesWithAReasonWhenAReviewedItemHasNoOutcome() {
        post(fay, "/start");
        assertThat(htmx(fay, "/close", "note", "Ran out of time")).hasStatusOk()
            .hasHeader("HX-Redirect", page).bodyText().contains("See the summary");
        assertThat(mvc.get().uri(page).with(user(people.signedIn(fay)))).bodyText()
            .contains("Closed with a note", "Ran out of time");
    }

    @Test
    void addsAndSplitsTasksWithoutLeavingTheRoom() {
        post(fay, "/start");

        assertThat(htmx(fay, "/tasks", "title", "Handle chargebacks")).hasStatusOk().bodyText().contains("Handle chargebacks");
        assertThat(htmx(fay, "/split", "titles", "Direct debit mandate\nDirect debit payment")).hasStatusOk().bodyText()
            .contains("<strong id=\"outcome\">Split</strong>");

        var id = Long.parseLong(page.replaceAll(".*/", ""));
        assertThat(sessions.agenda(team, id, fay.id()).lines()).extracting(l -> l.item().content().title())
            .containsExactly("Pay by SEPA", "Refund by card", "Not reached", "Handle chargebacks");
        assertThat(items.related(team, first, fay.id()).splits()).extracting(l -> l.title())
            .containsExactly("Direct debit mandate", "Direct debit payment");
    }

    @Test
    void closesVotingDuringTheSilentPauseThatOpensTheQuestions() {
        post(fay, "/start");
        var round = rounds.open(team, first, fay).id();

        assertThat(htmx(fay, "/phase", "phase", "questions")).hasStatusOk().bodyText()
            .contains("<span class=\"phase\" id=\"phase\">Questions</span>", "data-seconds=\"20\"");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> rounds.cast(team, first, round, "3", ben)))
            .isInstanceOf(dev.refinery.shared.Rejected.class).hasMessageStartingWith("Voting opens in");
        assertThat(rounds.round(team, first, round, fay.id()).votes()).isEmpty();

        htmx(fay, "/phase", "phase", "estimate");
        rounds.cast(team, first, round, "3", ben);
        assertThat(rounds.round(team, first, round, fay.id()).votes()).hasSize(1);
    }

    @Test
    void givesTheFacilitatorTheBacklogsEditorsForTheCurrentTask() {
        post(fay, "/start");

        assertThat(mvc.get().uri(page).with(user(people.signedIn(fay)))).bodyText()
            .contains("id=\"task-editor\"", "hx-trigger=\"load, sse:current\"", "id=\"editor-slot\"");
        assertThat(mvc.get().uri(page + "/editor").with(user(people.signedIn(fay)))).hasStatusOk().bodyText()
            .contains("hx-get=\"/teams/" + team + "/items/" + first + "/sections/acceptance-criteria\"");
        assertThat(mvc.get().uri(page).with(user(people.signedIn(ben)))).bodyText().doesNotContain("id=\"task-editor\"");
        assertThat(mvc.get().uri(page + "/editor").with(user(people.signedIn(ben)))).hasStatus(HttpStatus.FORBIDDEN);
    }


    private long sessionsQuestion() {
        var id = Long.parseLong(page.replaceAll(".*/", ""));
        return live.room(team, id, fay).questions().getLast().id();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult post(Account as, String path) {
        return mvc.post().uri(page + path).with(user(people.signedIn(as))).with(csrf()).exchange();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult htmx(Account as, String path, String... params) {
        var request = mvc.post().uri(page + path).with(user(people.signedIn(as))).with(csrf()).header("HX-Request", "true");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }
}
