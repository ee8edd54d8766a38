package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.estimation.EstimateHints;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewAccount;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.Teams;
import dev.refinery.shared.PostgresAvailable;
import dev.refinery.shared.TestDatabases;

/**
 * Two nodes on one PostgreSQL, each with its own index of similar items: a node that starts finds what was
 * estimated before it, and an item estimated through one node is found similar on the other within a second or so.
 */
@ExtendWith(PostgresAvailable.class)
class SimilarItemsOnTwoNodesTests {

    static final Duration SOON = Duration.ofSeconds(10);

    String schema;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    @BeforeEach
    void schema() throws Exception {
        schema = TestDatabases.newSchema();
    }

    @AfterEach
    void stop() throws Exception {
        for (var node : new ConfigurableApplicationContext[] { a, b }) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        TestDatabases.drop(schema);
    }

    @Test
    void findsOnEachNodeWhatWasEstimatedBeforeItStartedAndWhatIsEstimatedOnTheOther() {
        a = node();
        var fay = a.getBean(Accounts.class).openFirstAdministrator(new NewAccount("fay@refinery.test", "Fay", "correct horse battery"));
        a.getBean(Teams.class).create(new NewTeam("Payments", "PAY"), fay.id());
        var items = a.getBean(BacklogItems.class);
        items.create("PAY", ItemPatch.empty().title("Refund a card payment").estimate(points(5)), fay);
        var question = items.create("PAY", ItemPatch.empty().title("Refund a SEPA transfer payment").estimate(points(3)), fay).key().toString();

        b = node();
        var onB = b.getBean(EstimateHints.class);
        assertThat(eventually(() -> titles(onB.revealed("PAY", question, fay.id())), List.of("Refund a card payment")))
            .as("node B rebuilt its index from the database").contains("Refund a card payment");

        var transfer = items.create("PAY", ItemPatch.empty().title("Transfer payment limits"), fay).key().toString();
        var poker = a.getBean(PokerRounds.class);
        var round = poker.open("PAY", transfer, fay).id();
        poker.cast("PAY", transfer, round, "8", fay);
        if (poker.round("PAY", transfer, round, fay.id()).status() == dev.refinery.estimation.Round.Status.VOTING) {
            poker.reveal("PAY", transfer, round, fay.id());
        }
        poker.agree("PAY", transfer, round, "8", fay);

        assertThat(titles(a.getBean(EstimateHints.class).revealed("PAY", question, fay.id())))
            .as("found at once on the node that saved it").contains("Transfer payment limits");
        assertThat(eventually(() -> titles(onB.revealed("PAY", question, fay.id())), List.of("Refund a card payment", "Transfer payment limits")))
            .as("and soon on the other").contains("Transfer payment limits");
    }

    private static List<String> titles(EstimateHints.Hints hints) {
        return hints.similar().stream().map(EstimateHints.SimilarItem::title).sorted().toList();
    }

    private static List<String> eventually(Supplier<List<String>> titles, List<String> expected) {
        var until = System.nanoTime() + SOON.toNanos();
        var seen = titles.get();
        while (!seen.containsAll(expected) && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = titles.get();
        }
        return seen;
    }

    private static Estimate points(int value) {
        return Estimate.of(BigDecimal.valueOf(value), Estimate.Unit.POINTS);
    }

    private ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(RefineryApplication.class)
            .profiles("test")
            .run("--server.port=0", "--spring.main.banner-mode=off",
                    "--spring.datasource.url=" + TestDatabases.POSTGRES_URL + "?currentSchema=" + schema,
                    "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                    "--spring.datasource.password=" + TestDatabases.POSTGRES_PASSWORD,
                    "--spring.flyway.schemas=" + schema);
    }
}
