package dev.refinery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.zaxxer.hikari.HikariDataSource;

import dev.refinery.identity.NewAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application over real HTTP while its connection pool renews every connection, again and again: a
 * team's whole refinement (team, members, items, an edit, a poker round with votes, its reveal and agreement, the
 * queue, a pin, a live session with a question and outcomes, a CSV import) keeps being answered as it should. The
 * pool's lifetimes are Hikari's shortest; renewals are forced between rounds so that time passes quickly, and each
 * round asserts that no connection of the round before is still in use. On H2 2.4.240 every insert into a table
 * with a CHECK (x IN (...)) failed once the connection that created the schema was renewed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.max-lifetime=30000",
        "spring.datasource.hikari.idle-timeout=10000",
        "spring.datasource.hikari.minimum-idle=1",
        "spring.datasource.hikari.maximum-pool-size=4",
        "spring.datasource.hikari.connection-timeout=5000" })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SoakTests extends ApiClient {

    static final int ROUNDS = 4;

    @Autowired
    DataSource dataSource;

    @Test
    void answersEveryRequestOfATeamsRefinementWhileEveryPooledConnectionIsRenewed() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var fay = accounts.open(new NewAccount("fay-" + suffix + "@refinery.test", "Fay", PASSWORD)).email();
        var ben = accounts.open(new NewAccount("ben-" + suffix + "@refinery.test", "Ben", PASSWORD)).email();
        var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();

        var before = connections();
        for (var round = 0; round < ROUNDS; round++) {
            pool.softEvictConnections();
            refine("S" + (char) ('A' + round) + suffix.substring(0, 3).toUpperCase().replaceAll("[^A-Z]", "X"), fay, ben);
            var now = connections();
            assertThat(now).as("round %d ran on renewed connections only", round).doesNotContainAnyElementsOf(before);
            before = now;
        }
    }

    @Test
    void answersFourTimesAsManyChangesAtOnceAsThePoolHasConnections() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var fay = accounts.open(new NewAccount("fay-" + suffix + "@refinery.test", "Fay", PASSWORD)).email();
        var team = "SM" + suffix.substring(0, 3).toUpperCase().replaceAll("[^A-Z]", "X");
        var api = "/api/v1/teams/" + team;
        expect(201, post(fay, "/api/v1/teams", "{\"name\": \"Soak %s\", \"key\": \"%s\"}".formatted(team, team)));
        var item = json(expect(201, post(fay, api + "/items", "{\"title\": \"Pay by SEPA\"}"))).path("key").asString();
        var meeting = api + "/sessions/" + location(expect(201, post(fay, api + "/sessions",
                "{\"title\": \"Checkout\", \"startsAt\": \"2026-12-01T10:00:00Z\", \"durationMinutes\": 30}")));
        expect(200, send(fay, meeting + "/agenda", "PUT", "{\"items\": [{\"key\": \"%s\"}]}".formatted(item)));
        expect(200, post(fay, meeting + "/start", "{}"));

        // Each question is a change the live room tells every node of once it commits: 16 at once on a pool of 4.
        var answers = new ArrayList<java.util.concurrent.Future<java.net.http.HttpResponse<String>>>();
        try (var people = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < 16; i++) {
                var text = "Question " + i;
                answers.add(people.submit(() -> post(fay, meeting + "/questions", "{\"text\": \"%s\"}".formatted(text))));
            }
            for (var answer : answers) {
                expect(200, answer.get());
            }
        }
        assertThat(json(expect(200, get(fay, meeting + "/room"))).path("questions").findValuesAsString("text")).hasSize(16);
    }

    /** One team's refinement through the API, every answer checked as a client would. */
    void refine(String team, String fay, String ben) throws Exception {
        var api = "/api/v1/teams/" + team;
        expect(201, post(fay, "/api/v1/teams", "{\"name\": \"Soak %s\", \"key\": \"%s\"}".formatted(team, team)));
        expect(201, post(fay, api + "/members", "{\"email\": \"%s\", \"role\": \"engineer\"}".formatted(ben)));

        var keys = new ArrayList<String>();
        for (var title : List.of("Pay by SEPA", "Refunds", "Receipts by mail")) {
            var created = expect(201, post(fay, api + "/items", """
                    {"title": "%s", "status": "needs-refinement", "importance": {"businessValue": 8, "timeCriticality": 3,
                     "riskReduction": 2}}""".formatted(title)));
            assertThat(json(created).path("title").asString()).isEqualTo(title);
            keys.add(json(created).path("key").asString());
        }
        var first = keys.get(0);
        var read = expect(200, get(ben, api + "/items/" + first));
        var edited = expect(200, send(fay, api + "/items/" + first, "PATCH", "{\"description\": \"Customers in Germany ask for it.\"}",
                "If-Match", read.headers().firstValue("ETag").orElseThrow()));
        assertThat(json(edited).path("description").asString()).isEqualTo("Customers in Germany ask for it.");

        var rounds = api + "/items/" + first + "/rounds";
        var round = location(expect(201, post(fay, rounds, "{}")));
        expect(204, send(fay, rounds + "/" + round + "/votes/me", "PUT", "{\"card\": \"5\"}"));
        expect(204, send(ben, rounds + "/" + round + "/votes/me", "PUT", "{\"card\": \"8\"}"));
        var revealed = json(expect(200, get(ben, rounds + "/" + round)));
        assertThat(revealed.path("status").asString()).as("every member voted: revealed by itself").isEqualTo("revealed");
        assertThat(revealed.toString()).contains("\"8\"");
        expect(200, post(fay, rounds + "/" + round + "/agree", "{\"card\": \"5\"}"));
        assertThat(json(expect(200, get(ben, api + "/items/" + first))).path("estimate").path("value").asInt()).isEqualTo(5);

        expect(204, send(fay, api + "/items/" + keys.get(2) + "/pin", "PUT", "{\"above\": \"%s\"}".formatted(first)));
        var queue = json(expect(200, get(ben, api + "/queue")));
        assertThat(queue.path("entries").findValuesAsString("key")).as("pinned above the estimated item")
            .containsSubsequence(keys.get(2), first);

        var session = location(expect(201, post(fay, api + "/sessions",
                "{\"title\": \"Checkout\", \"startsAt\": \"2026-12-01T10:00\", \"durationMinutes\": \"30\"}")));
        var meeting = api + "/sessions/" + session;
        expect(200, send(fay, meeting + "/agenda", "PUT",
                "{\"items\": [{\"key\": \"%s\"}, {\"key\": \"%s\"}]}".formatted(first, keys.get(1))));
        expect(200, post(fay, meeting + "/start", "{}"));
        var asked = json(expect(200, post(ben, meeting + "/questions", "{\"text\": \"Which banks?\"}")));
        var question = asked.path("questions").get(0).path("id").asLong();
        expect(200, post(fay, meeting + "/questions/" + question + "/answer", "{\"answer\": \"All SEPA banks\", \"fold\": \"criterion\"}"));
        expect(200, send(fay, meeting + "/outcomes/" + first, "PUT", "{\"outcome\": \"estimated\"}"));
        expect(200, send(fay, meeting + "/current", "PUT", "{\"itemKey\": \"%s\"}".formatted(keys.get(1))));
        expect(200, send(fay, meeting + "/outcomes/" + keys.get(1), "PUT", "{\"outcome\": \"needs-design\"}"));
        var summary = json(expect(200, post(fay, meeting + "/close", "{}")));
        assertThat(summary.path("items").findValuesAsString("outcome")).containsExactly("estimated", "needs-design");

        var job = json(expect(202, upload(ben, api + "/imports", "Title,Points\r\nExport the queue,3\r\n",
                "{\"Title\": \"title\", \"Points\": \"estimate\"}")));
        var status = job.path("status").asString();
        for (var polls = 0; !status.equals("done") && !status.equals("failed") && !status.equals("refused") && polls < 200; polls++) {
            Thread.sleep(50);
            status = json(expect(200, get(ben, api + "/imports/" + job.path("id").asLong()))).path("status").asString();
        }
        assertThat(status).as("the import of " + team).isEqualTo("done");
        assertThat(json(expect(200, get(ben, api + "/items?q=Export"))).toString()).contains("Export the queue");
    }

    /** The server-side identity of every connection the pool holds: all of them are borrowed at once. */
    Set<String> connections() throws Exception {
        var borrowed = new ArrayList<java.sql.Connection>();
        var ids = new HashSet<String>();
        try {
            for (var i = 0; i < 4; i++) {
                var connection = dataSource.getConnection();
                borrowed.add(connection);
                try (var statement = connection.createStatement(); var result = statement.executeQuery(sessionIdQuery())) {
                    result.next();
                    ids.add(result.getString(1));
                }
            }
        }
        finally {
            for (var connection : borrowed) {
                connection.close();
            }
        }
        assertThat(ids).hasSize(4);
        return ids;
    }

    abstract String sessionIdQuery();
}
