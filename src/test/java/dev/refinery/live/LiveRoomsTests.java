package dev.refinery.live;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import dev.refinery.identity.Account;
import dev.refinery.shared.EventStream;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewAccount;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.Teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live stream of a team page over real HTTP: presence, and streams leaving their room. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LiveRoomsTests {

    static final String PASSWORD = "correct horse battery";
    static final Duration SOON = Duration.ofSeconds(5);

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    LiveRooms rooms;

    @Test
    void tellsEveryoneInTheRoomWhoIsPresent() throws Exception {
        var ana = account("Ana");
        var ben = account("Ben");
        var key = team(ana, ben);

        try (var anas = stream(key, ana)) {
            anas.await(text -> text.contains("<li class=\"person\">Ana</li>"), SOON);
            try (var bens = stream(key, ben)) {
                anas.await(text -> text.contains("<li class=\"person\">Ben</li>"), SOON);
                assertThat(bens.await(text -> text.contains("event:presence"), SOON))
                    .contains("<li class=\"person\">Ana</li>", "<li class=\"person\">Ben</li>");
            }
        }
    }

    @Test
    void removesAStreamWhoseClientWentAwayAndTellsTheOthers() throws Exception {
        var ana = account("Ana");
        var ben = account("Ben");
        var key = team(ana, ben);

        try (var anas = stream(key, ana)) {
            var bens = stream(key, ben);
            anas.await(text -> text.contains("<li class=\"person\">Ben</li>"), SOON);
            assertThat(rooms.streams("team:" + key)).isEqualTo(2);

            bens.close();
            await().atMost(SOON).untilAsserted(() -> {
                rooms.heartbeat();
                assertThat(rooms.streams("team:" + key)).isEqualTo(1);
            });
            assertThat(rooms.names("team:" + key)).containsExactly("Ana");
        }
    }

    @Test
    void refusesTheStreamOfATeamToANonMember() throws Exception {
        var ana = account("Ana");
        var eve = account("Eve");
        var key = team(ana);

        try (var eves = stream(key, eve)) {
            assertThat(eves.await(text -> text.startsWith("status:"), SOON)).startsWith("status:404");
        }
        assertThat(rooms.names("team:" + key)).doesNotContain("Eve");
    }

    private EventStream stream(String key, Account who) {
        return new EventStream("http://127.0.0.1:" + port + "/teams/" + key + "/live", who.email(), PASSWORD);
    }

    private Account account(String name) {
        if (!accounts.anyExists()) {
            accounts.openFirstAdministrator(new NewAccount("admin@refinery.test", "Admin", PASSWORD));
        }
        return accounts.open(new NewAccount(name.toLowerCase() + System.nanoTime() + "@refinery.test", name, PASSWORD));
    }

    private String team(Account facilitator, Account... members) {
        var key = "LIVE" + (char) ('A' + (System.nanoTime() / 7 % 26)) + (char) ('A' + (System.nanoTime() / 13 % 26))
                + (char) ('A' + (System.nanoTime() / 17 % 26));
        teams.create(new NewTeam("Live " + key, key), facilitator.id());
        for (var member : members) {
            teams.add(key, new NewMember(member.email(), "engineer"), facilitator.id());
        }
        return key;
    }
}
