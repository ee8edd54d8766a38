package dev.refinery.meeting;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.EventStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A participant's live stream over real HTTP: every move reaches it, and a stream that reconnects is brought up to date. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SessionStreamTests {

    @Value("${local.server.port}")
    int port;

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

    @Test
    void tellsEveryMoveAndBringsAReconnectedStreamUpToDate() throws Exception {
        var people = new People(accounts, null);
        var fay = people.someone("Fay");
        var ben = people.someone("Ben");
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        var first = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key().toString();
        var second = items.create(team, ItemPatch.empty().title("Refunds"), fay).key().toString();
        var session = sessions.plan(team, new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), fay,
                java.time.ZoneOffset.UTC);
        sessions.replace(team, session.id(), List.of(first, second), List.of(2, 2), fay.id());
        live.start(team, session.id(), fay.id());
        var url = "http://127.0.0.1:" + port + "/teams/" + team + "/live/session-" + session.id();

        try (var bens = new EventStream(url, ben.email(), People.PASSWORD)) {
            bens.await(text -> text.contains("event:room"), Duration.ofSeconds(5));

            live.moveTo(team, session.id(), 2, fay.id());

            bens.await(text -> text.contains("event:current"), Duration.ofSeconds(5));
        }
        try (var again = new EventStream(url, ben.email(), People.PASSWORD)) {
            assertThat(again.await(text -> text.contains("event:room"), Duration.ofSeconds(5))).contains("room-changed");
            assertThat(live.room(team, session.id(), ben).current().item().key().toString()).isEqualTo(second);
        }
    }
}
