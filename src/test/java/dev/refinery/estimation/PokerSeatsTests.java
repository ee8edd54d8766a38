package dev.refinery.estimation;

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
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.EventStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seats of the poker table over real HTTP as people come and go: the room hears of them a moment later,
 * all at once, by their seats alone; the table itself is sent once, when a page connects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PokerSeatsTests {

    static final Duration SOON = Duration.ofSeconds(10);

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    @Autowired
    PokerRounds rounds;

    @Test
    void showsEveryoneWhoJoinedAtOnceAsPresentToEveryoneWithoutSendingTheTableAgain() throws Exception {
        var people = new People(accounts, null);
        var everyone = List.of(people.someone("Fay"), people.someone("Ben"), people.someone("Cleo"), people.someone("Dan"),
                people.someone("Eve"), people.someone("Gus"));
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), everyone.getFirst().id());
        for (var member : everyone.subList(1, everyone.size())) {
            teams.add(team, new NewMember(member.email(), "engineer"), everyone.getFirst().id());
        }
        var item = items.create(team, ItemPatch.empty().title("Pay by card"), everyone.getFirst()).key();
        rounds.open(team, item.toString(), everyone.getFirst());

        var streams = everyone.stream().map(person -> stream(team, item.number(), person)).toList();
        try {
            for (var stream : streams) {
                var seen = stream.await(text -> everyone.stream().allMatch(person -> present(lastSeat(text, person))), SOON);
                assertThat(seen).contains("event:seats");
                assertThat(seen.split("event:board", -1)).as("the table, sent once when the page connected").hasSize(2);
            }
        }
        finally {
            streams.forEach(EventStream::close);
        }
    }

    @Test
    void showsWhoLeftAsAwayWithoutTheirCardAndRevealsWhenEveryoneStillThereHasVoted() throws Exception {
        var people = new People(accounts, null);
        var fay = people.someone("Fay");
        var ben = people.someone("Ben");
        var cleo = people.someone("Cleo");
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        teams.add(team, new NewMember(cleo.email(), "engineer"), fay.id());
        var item = items.create(team, ItemPatch.empty().title("Pay by bank transfer"), fay).key();
        var round = rounds.open(team, item.toString(), fay).id();

        try (var fays = stream(team, item.number(), fay)) {
            var bens = stream(team, item.number(), ben);
            var cleos = stream(team, item.number(), cleo);
            fays.await(text -> List.of(fay, ben, cleo).stream().allMatch(person -> present(lastSeat(text, person))), SOON);
            rounds.cast(team, item.toString(), round, "13", ben);
            fays.await(text -> text.contains("Voting: 1 of 3 voted"), SOON);

            bens.close();
            var seen = fays.await(text -> !present(lastSeat(text, ben)), SOON);
            assertThat(lastSeat(seen, ben)).contains("away", "✓ voted").doesNotContain("card-face");
            assertThat(seen).doesNotContain("card-face");

            rounds.cast(team, item.toString(), round, "3", fay);
            fays.await(text -> text.contains("Voting: 2 of 3 voted"), SOON);
            assertThat(fays.received()).doesNotContain("card-face");
            cleos.close();
            assertThat(fays.await(text -> text.contains("card-face"), SOON))
                .contains("<span class=\"card-face\">13</span>", "<span class=\"card-face\">3</span>");
        }
    }

    private EventStream stream(String team, int item, Account who) {
        return new EventStream("http://127.0.0.1:" + port + "/teams/" + team + "/live/poker-" + item, who.email(), People.PASSWORD);
    }

    /** The seat of a person as the stream last showed it, whole table or single seat. */
    private static String lastSeat(String stream, Account who) {
        var at = stream.lastIndexOf("<li id=\"seat-" + who.id().value() + "\"");
        return at < 0 ? "" : stream.substring(at, stream.indexOf("</li>", at));
    }

    private static boolean present(String seat) {
        return seat.contains("class=\"seat\"");
    }
}
