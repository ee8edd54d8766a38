package dev.refinery.estimation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

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
 * Another voter, before the reveal, reads everything a browser or a client can get (the page, the live
 * stream, the API) and finds nobody's card; after the reveal the same channels show it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HiddenVotesTests {

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
    void keepsEveryCardOffThePageTheStreamAndTheApiUntilTheReveal() throws Exception {
        var people = new People(accounts, null);
        var fay = people.someone("Fay");
        var ben = people.someone("Ben");
        var cleo = people.someone("Cleo");
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        teams.add(team, new NewMember(cleo.email(), "engineer"), fay.id());
        var item = items.create(team, ItemPatch.empty().title("Pay by SEPA"), fay).key();
        var round = rounds.open(team, item.toString(), fay).id();
        var base = "http://127.0.0.1:" + port;

        try (var cleosStream = new EventStream(base + "/teams/" + team + "/live/poker-" + item.number(), cleo.email(),
                People.PASSWORD)) {
            cleosStream.await(text -> text.contains("Voting: 0 of 3 voted"), Duration.ofSeconds(5));

            rounds.cast(team, item.toString(), round, "13", ben);
            rounds.cast(team, item.toString(), round, "½", fay);

            var stream = cleosStream.await(text -> text.contains("Voting: 2 of 3 voted"), Duration.ofSeconds(5));
            assertThat(stream).contains("✓ voted").doesNotContain("card-face", ">13<", "½");
            var vote = stream.substring(stream.lastIndexOf("event:vote"));
            vote = vote.substring(0, vote.indexOf("\n\n"));
            assertThat(vote.length()).as("a vote sends the count and one seat, not the table").isLessThan(800);
            var page = get(base + "/teams/" + team + "/items/" + item + "/poker", cleo, "text/html");
            var board = page.substring(page.indexOf("<div id=\"board\""), page.indexOf("<div id=\"hand\""));
            assertThat(board).contains("✓ voted").doesNotContain("card-face", "13", "½");
            assertThat(page).doesNotContain("chosen");
            var api = get(base + "/api/v1/teams/" + team + "/items/" + item + "/rounds/" + round, cleo, "application/json");
            assertThat(api).contains("\"voted\":true").doesNotContain("\"card\":\"13\"", "\"card\":\"½\"", "\"statistics\":{");

            rounds.reveal(team, item.toString(), round, fay.id());

            assertThat(cleosStream.await(text -> text.contains("card-face"), Duration.ofSeconds(5)))
                .contains("<span class=\"card-face\">13</span>", "<span class=\"card-face\">½</span>");
            assertThat(get(base + "/api/v1/teams/" + team + "/items/" + item + "/rounds/" + round, cleo, "application/json"))
                .contains("\"card\":\"13\"");
        }
    }

    private static String get(String url, Account who, String accept) throws Exception {
        var credentials = Base64.getEncoder().encodeToString((who.email() + ":" + People.PASSWORD).getBytes(StandardCharsets.UTF_8));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Basic " + credentials).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
