package dev.refinery.exchange;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.meeting.LiveMeetings;
import dev.refinery.meeting.RefinementSessions;
import dev.refinery.meeting.SessionPlan;
import dev.refinery.prioritization.PriorityQueues;
import dev.refinery.prioritization.Pin;
import dev.refinery.shared.MovableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks through the API, sent by the outbox's worker to a receiver in the test that checks each signature as the
 * Standard Webhooks specification says; time is moved instead of waited for. The worker's schedule is off: the tests
 * run it themselves.
 */
@SpringBootTest(properties = "refinery.webhooks.worker=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Replacing.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class WebhooksTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    @Autowired
    PokerRounds poker;

    @Autowired
    PriorityQueues queues;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    RefinementSessions sessions;

    @Autowired
    LiveMeetings meetings;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    People people;
    Account fay;
    Account ben;
    String team;
    WebhookReceiver receiver;

    @BeforeEach
    void team() throws Exception {
        people = new People(accounts, mvc);
        fay = people.someone("Fay");
        ben = people.someone("Ben");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        receiver = new WebhookReceiver(clock::instant);
        // Whatever another test left due is sent now, so that each test counts only its own deliveries.
        deliveries.deliverDue();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void signsAnAgreedEstimateAsStandardWebhooksSaysAndLogsItsDelivery() {
        var hook = create("estimate.agreed");
        var item = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var round = poker.open(team, item, fay).id();
        poker.cast(team, item, round, "5", fay);
        poker.reveal(team, item, round, fay.id());
        poker.agree(team, item, round, "5", fay);

        assertThat(deliveries.deliverDue()).isEqualTo(1);

        var received = receiver.received();
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.genuine()).as("signature checked as a Standard Webhooks receiver does").isTrue();
            assertThat(request.id()).startsWith("msg_");
            var body = JSON.readTree(request.body());
            assertThat(body.path("type").asString()).isEqualTo("estimate.agreed");
            assertThat(body.path("data").path("item").asString()).isEqualTo(item);
            assertThat(body.path("data").path("team").asString()).isEqualTo(team);
            assertThat(body.path("data").path("estimate").path("value").asInt()).isEqualTo(5);
            assertThat(body.path("data").path("estimate").path("unit").asString()).isEqualTo("points");
        });
        assertThat(receiver.verify(hook.path("secret").asString(), received.get(0).id(), received.get(0).timestamp(),
                received.get(0).signature(), received.get(0).body().replace("5", "8")))
            .as("a changed body no longer matches its signature").isFalse();

        var log = log(hook);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(log.get(0).path("answer").asString()).isEqualTo("thanks");
        assertThat(log.get(0).path("event").asString()).isEqualTo("estimate.agreed");
        assertThat(log.get(0).path("messageId").asString()).isEqualTo(received.get(0).id());
    }

    @Test
    void retriesAReceiverThatFailsTwiceWithTheSameIdUntilItAnswers() {
        var hook = create("item.created");
        receiver.answer(500, 503);
        items.create(team, ItemPatch.empty().title("Refunds"), fay);

        assertThat(deliveries.deliverDue()).isEqualTo(1);
        assertThat(deliveries.deliverDue()).as("not due again before its backoff").isZero();
        clock.move(Duration.ofSeconds(13));
        assertThat(deliveries.deliverDue()).as("due after at most 12.5 s (10 s and jitter)").isEqualTo(1);
        assertThat(deliveries.deliverDue()).isZero();
        clock.move(Duration.ofSeconds(25));
        assertThat(deliveries.deliverDue()).as("due after at most 25 s").isEqualTo(1);
        clock.move(Duration.ofHours(1));
        assertThat(deliveries.deliverDue()).as("delivered: nothing more to send").isZero();

        var received = receiver.received();
        assertThat(received).hasSize(3).allSatisfy(request -> assertThat(request.genuine()).isTrue());
        assertThat(received).extracting(WebhookReceiver.Received::id).as("one message, tried three times").containsOnly(received.get(0).id());
        assertThat(log(hook)).extracting(entry -> entry.path("status").asInt()).containsExactly(200, 503, 500);
        assertThat(log(hook).get(2).path("answer").asString()).isEqualTo("not now");
        assertThat(find(hook).path("failingSince").isMissingNode()).as("a delivery ends the failing streak").isTrue();
    }

    @Test
    void pausesAHookThatFailedForADayAndSaysWhyUntilAFacilitatorTurnsItOnAgain() {
        var hook = create("item.created", "item.updated");
        receiver.answer(java.util.Collections.nCopies(200, 503).toArray(Integer[]::new));
        var item = items.create(team, ItemPatch.empty().title("Invoices"), fay);

        var attempts = 0;
        for (int hour = 0; hour <= 25; hour++) {
            attempts += deliveries.deliverDue();
            clock.move(Duration.ofMinutes(60));
        }
        attempts += deliveries.deliverDue();

        var paused = find(hook);
        assertThat(paused.path("active").asBoolean()).isFalse();
        assertThat(paused.path("pausedReason").asString()).contains("every delivery has failed since", "HTTP 503");
        assertThat(attempts).as("backoff doubling from 10 s up to 2 h within a day").isBetween(12, 30);
        var firstAttempt = receiver.received().getFirst();
        assertThat(jdbc.sql("SELECT status FROM exchange_webhook_message WHERE message_id = :id")
            .param("id", firstAttempt.id()).query(String.class).single()).as("given up after a day").isEqualTo("failed");

        items.edit(team, item.key().toString(), item.item().version(), ItemPatch.empty().title("Invoices in PDF"), fay);
        assertThat(deliveries.deliverDue()).as("a paused hook is sent nothing").isZero();

        receiver.answer();
        var resumed = mvc.put().uri("/api/v1/teams/" + team + "/webhooks/" + hook.path("id").asLong()).with(People.basic(fay))
            .contentType("application/json")
            .content("{\"url\": \"" + receiver.url() + "\", \"events\": [\"item.created\"], \"active\": true, \"version\": "
                    + paused.path("version").asInt() + "}");
        assertThat(resumed).hasStatusOk().bodyJson().extractingPath("$.active").isEqualTo(true);
        assertThat(find(hook).path("pausedReason").isMissingNode()).isTrue();

        var message = log(hook).getFirst().path("message").asLong();
        assertThat(mvc.post().uri("/api/v1/teams/" + team + "/webhooks/" + hook.path("id").asLong() + "/messages/" + message + "/resend")
            .with(People.basic(fay))).hasStatus(HttpStatus.ACCEPTED);
        assertThat(deliveries.deliverDue()).isEqualTo(1);
        assertThat(receiver.received().getLast().id()).isEqualTo(firstAttempt.id());
        assertThat(log(hook).getFirst().path("status").asInt()).isEqualTo(200);
    }

    @Test
    void sendsATestEventOnDemandAndQueueChangesToTheHooksThatWantThem() {
        var queueHook = create("queue.changed");
        var first = items.create(team, ItemPatch.empty().title("One"), fay).key().toString();
        var second = items.create(team, ItemPatch.empty().title("Two"), fay).key().toString();
        queues.pin(team, second, first, Pin.Placement.ABOVE, fay.id());
        assertThat(mvc.post().uri("/api/v1/teams/" + team + "/webhooks/" + queueHook.path("id").asLong() + "/test")
            .with(People.basic(fay))).hasStatus(HttpStatus.ACCEPTED);

        assertThat(deliveries.deliverDue()).as("the pin and the test event; no item.created").isEqualTo(2);
        var types = receiver.received().stream().map(request -> JSON.readTree(request.body()).path("type").asString()).toList();
        assertThat(types).containsExactlyInAnyOrder("queue.changed", "webhook.test");
        assertThat(receiver.received()).allSatisfy(request -> assertThat(request.genuine()).isTrue());
    }

    @Test
    void announcesEachItemAFileImportCreatedAsCreated() {
        create("item.created");
        var calls = new ImportCalls(mvc, fay, team);
        var job = calls.finished(calls.upload("items.csv", "csv", """
                Title,Key
                Export the queue,A-1
                Import from Jira,A-2
                """, "{\"Title\": \"title\", \"Key\": \"key\"}", false));
        assertThat(job.path("status").asString()).isEqualTo("done");

        assertThat(deliveries.deliverDue()).isEqualTo(2);
        assertThat(receiver.received()).allSatisfy(request -> assertThat(request.genuine()).isTrue())
            .extracting(request -> JSON.readTree(request.body()))
            .allSatisfy(body -> assertThat(body.path("type").asString()).isEqualTo("item.created"))
            .extracting(body -> body.path("data").path("item").asString())
            .containsExactlyInAnyOrder(team + "-1", team + "-2");
    }

    @Test
    void tellsWhenASessionClosesAndWhereItsRestWent() {
        create("session.closed");
        var item = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var notReached = items.create(team, ItemPatch.empty().title("Refunds"), fay).key().toString();
        var session = sessions.plan(team, new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), fay, ZoneOffset.UTC);
        sessions.replace(team, session.id(), List.of(item, notReached), List.of(5, 5), fay.id());
        meetings.start(team, session.id(), fay.id());
        var next = meetings.close(team, session.id(), "Out of time", fay);

        assertThat(deliveries.deliverDue()).isEqualTo(1);
        var body = JSON.readTree(receiver.received().getFirst().body());
        assertThat(body.path("type").asString()).isEqualTo("session.closed");
        assertThat(body.path("data").path("session").asLong()).isEqualTo(session.id());
        assertThat(body.path("data").path("title").asString()).isEqualTo("Checkout");
        assertThat(body.path("data").path("carriedOverTo").asLong()).isEqualTo(next.orElseThrow());
    }

    @Test
    void writesNothingToTheOutboxWhenTheChangeIsRefused() {
        create("item.created");
        var refused = people.postJson("/api/v1/teams/" + team + "/items", fay, "{\"title\": \"\"}");
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(deliveries.deliverDue()).isZero();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void letsOnlyFacilitatorsManageHooksAndNamesEveryWrongField() {
        create("item.created");
        assertThat(mvc.get().uri("/api/v1/teams/" + team + "/webhooks").with(People.basic(ben))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(people.postJson("/api/v1/teams/" + team + "/webhooks", ben,
                "{\"url\": \"" + receiver.url() + "\", \"events\": [\"item.created\"]}")).hasStatus(HttpStatus.FORBIDDEN);

        var wrong = people.postJson("/api/v1/teams/" + team + "/webhooks", fay, "{\"url\": \"ftp://example.com/x\", \"events\": [\"item.deleted\"]}");
        assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("url");
            assertThat(json).extractingPath("$.errors[0].message").asString().contains("http:// and https://");
            assertThat(json).extractingPath("$.errors[1].field").isEqualTo("events");
            assertThat(json).extractingPath("$.errors[1].message").asString().contains("item.deleted");
        });
        assertThat(people.postJson("/api/v1/teams/" + team + "/webhooks", fay, "{\"url\": \"" + receiver.url() + "\", \"events\": []}"))
            .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("events");

        var hook = list().getFirst();
        var stale = mvc.put().uri("/api/v1/teams/" + team + "/webhooks/" + hook.path("id").asLong()).with(People.basic(fay))
            .contentType("application/json")
            .content("{\"url\": \"" + receiver.url() + "\", \"events\": [\"item.updated\"], \"version\": " + (hook.path("version").asInt() + 1) + "}");
        assertThat(stale).hasStatus(HttpStatus.CONFLICT);
        assertThat(list()).singleElement().satisfies(unchanged -> assertThat(unchanged.path("events").toString()).contains("item.created"));
    }

    @Test
    void documentsAnExamplePayloadForEveryEvent() {
        assertThat(mvc.get().uri("/api/v1/webhook-events").with(People.basic(ben))).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$[*].type").asArray()
                .containsExactly("estimate.agreed", "item.created", "item.updated", "session.closed", "queue.changed");
            assertThat(json).extractingPath("$[0].example.data.estimate.value").isEqualTo(5);
        });
    }

    private JsonNode create(String... events) {
        var body = "{\"url\": \"" + receiver.url() + "\", \"events\": [" + String.join(", ",
                java.util.Arrays.stream(events).map(event -> "\"" + event + "\"").toList()) + "]}";
        var created = people.postJson("/api/v1/teams/" + team + "/webhooks", fay, body).exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        var hook = JSON.readTree(created.getResponse().getContentAsByteArray());
        assertThat(hook.path("secret").asString()).startsWith("whsec_");
        receiver.secret(hook.path("secret").asString());
        return hook;
    }

    private JsonNode find(JsonNode hook) {
        var found = mvc.get().uri("/api/v1/teams/" + team + "/webhooks/" + hook.path("id").asLong()).with(People.basic(fay)).exchange();
        return JSON.readTree(found.getResponse().getContentAsByteArray());
    }

    private List<JsonNode> list() {
        var found = mvc.get().uri("/api/v1/teams/" + team + "/webhooks").with(People.basic(fay)).exchange();
        var list = new java.util.ArrayList<JsonNode>();
        JSON.readTree(found.getResponse().getContentAsByteArray()).forEach(list::add);
        return list;
    }

    private List<JsonNode> log(JsonNode hook) {
        var found = mvc.get().uri("/api/v1/teams/" + team + "/webhooks/" + hook.path("id").asLong() + "/deliveries")
            .with(People.basic(fay)).exchange();
        assertThat(found.getResponse().getStatus()).isEqualTo(200);
        var list = new java.util.ArrayList<JsonNode>();
        JSON.readTree(found.getResponse().getContentAsByteArray()).forEach(list::add);
        return list;
    }
}
