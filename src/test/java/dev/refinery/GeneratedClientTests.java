package dev.refinery;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import dev.refinery.client.ApiException;
import dev.refinery.client.api.BacklogItemsApi;
import dev.refinery.client.api.PlanningPokerApi;
import dev.refinery.client.api.RefinementSessionsApi;
import dev.refinery.client.api.TeamsApi;
import dev.refinery.client.model.AgendaChange;
import dev.refinery.client.model.CardJson;
import dev.refinery.client.model.CloseJson;
import dev.refinery.client.model.CurrentJson;
import dev.refinery.client.model.AgendaEntry;
import dev.refinery.client.model.ItemJson;
import dev.refinery.client.model.Line;
import dev.refinery.client.model.NewMember;
import dev.refinery.client.model.NewTeam;
import dev.refinery.client.model.OutcomeJson;
import dev.refinery.client.model.PlanJson;
import dev.refinery.client.model.RefinementSession;
import dev.refinery.client.model.TeamDetails;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.People;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A Java client generated from the committed OpenAPI document (the one {@link OpenApiDocumentTests} keeps equal to
 * what the application serves) drives a team's whole refinement against the running application, as a developer who
 * scripts Refinery would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GeneratedClientTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void drivesAWholeRefinementFromTeamToSummary() throws Exception {
        var people = new People(accounts, null);
        var fay = people.someone("Fay").email();
        var ben = people.someone("Ben").email();
        var team = People.newKey();

        var teams = new TeamsApi(client(fay));
        assertThat(teams.createTeam(new NewTeam().name("Payments").key(team)).getRole()).isEqualTo(TeamDetails.RoleEnum.FACILITATOR);
        teams.add(team, new NewMember().email(ben).role("engineer"));
        assertThat(teams.team(team).getMembers()).extracting("email").contains(fay, ben);

        var items = new BacklogItemsApi(client(fay));
        var sepa = items.createItem(team, new ItemJson().title("Pay by SEPA").status(ItemJson.StatusEnum.NEEDS_REFINEMENT)
            .importance(Map.of("businessValue", new BigDecimal(8)))).getKey();
        var created = items.createItem(team, new ItemJson().title("Refunds"));
        var refunds = created.getKey();
        var edited = items.editItem(team, refunds, new ItemJson().description("Card refunds first."),
                "\"" + created.getVersion() + "\"");
        assertThat(edited.getDescription()).isEqualTo("Card refunds first.");
        assertThat(edited.getVersion()).isGreaterThan(created.getVersion());

        var sessions = new RefinementSessionsApi(client(fay));
        var session = sessions.plan(team, new PlanJson().title("Checkout refinement")
            .startsAt(OffsetDateTime.parse("2026-12-04T09:00:00Z")).durationMinutes(60));
        assertThat(session.getStartsAt()).isEqualTo(OffsetDateTime.parse("2026-12-04T09:00:00Z"));
        var agenda = sessions.change(team, session.getId(), new AgendaChange().items(
                List.of(new AgendaEntry().key(sepa).timeBoxMinutes(20), new AgendaEntry().key(refunds))));
        assertThat(agenda.getItems()).extracting("key").containsExactly(sepa, refunds);
        sessions.start(team, session.getId());

        var poker = new PlanningPokerApi(client(fay));
        var round = poker.openRound(team, sepa).getId();
        poker.vote(team, sepa, round, new CardJson().card("5"));
        new PlanningPokerApi(client(ben)).vote(team, sepa, round, new CardJson().card("8"));
        var revealed = poker.round(team, sepa, round);
        assertThat(revealed.getStatus()).as("every member voted: revealed by itself").isEqualTo("revealed");
        assertThat(revealed.getCards()).contains("5", "8");
        assertThat(poker.agree(team, sepa, round, new CardJson().card("5")).getAgreed()).isEqualTo("5");
        assertThat(new BacklogItemsApi(client(ben)).item(team, sepa).getEstimate().getValue()).isEqualByComparingTo("5");

        sessions.decide(team, session.getId(), sepa, new OutcomeJson().outcome("estimated"));
        sessions.current(team, session.getId(), new CurrentJson().itemKey(refunds));
        sessions.decide(team, session.getId(), refunds, new OutcomeJson().outcome("needs-design").note("Ask the bank"));
        assertThat(sessions.close(team, session.getId(), new CloseJson().note("Good pace")).getItems()).hasSize(2);
        var summary = new RefinementSessionsApi(client(ben)).summary(team, session.getId());

        assertThat(summary.getSession().getState()).isEqualTo(RefinementSession.StateEnum.CLOSED);
        assertThat(summary.getItems()).extracting(Line::getKey, Line::getOutcome)
            .containsExactly(tuple(sepa, Line.OutcomeEnum.ESTIMATED),
                    tuple(refunds, Line.OutcomeEnum.NEEDS_DESIGN));
        assertThat(summary.getItems().get(0).getEstimate().getValue()).isEqualByComparingTo("5");
        assertThat(summary.getPoints()).isEqualByComparingTo("5");
    }

    @Test
    void surfacesARefusedFieldAsAnApiExceptionWithItsStatusAndName() throws Exception {
        var fay = new People(accounts, null).someone("Fay").email();

        var refused = catchThrowableOfType(ApiException.class,
                () -> new TeamsApi(client(fay)).createTeam(new NewTeam().name("Payments").key("payments")));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseBody()).contains("key");
    }

    /** The generated client for one person, signed in with HTTP Basic on every call. */
    dev.refinery.client.ApiClient client(String email) {
        var credentials = Base64.getEncoder()
            .encodeToString((email + ":" + People.PASSWORD).getBytes(StandardCharsets.UTF_8));
        var client = new dev.refinery.client.ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return client;
    }
}
