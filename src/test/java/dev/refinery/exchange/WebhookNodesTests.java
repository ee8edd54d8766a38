package dev.refinery.exchange;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.refinery.RefineryApplication;
import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewAccount;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.Teams;
import dev.refinery.shared.PostgresAvailable;
import dev.refinery.shared.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL send the same outbox at the same time: every event reaches the receiver
 * once, and an event whose node stopped after the change committed is sent by the other node.
 */
@ExtendWith(PostgresAvailable.class)
class WebhookNodesTests {

    static final int EVENTS = 40;

    String schema;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    @BeforeEach
    void nodes() throws Exception {
        schema = TestDatabases.newSchema();
        a = node();
        b = node();
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
    void sendsEachEventOnceFromTwoNodesAndWhatAStoppedNodeLeftFromTheOther() throws Exception {
        var fay = a.getBean(Accounts.class).openFirstAdministrator(new NewAccount("fay@refinery.test", "Fay", "correct horse battery"));
        a.getBean(Teams.class).create(new NewTeam("Payments", "PAY"), fay.id());
        try (var receiver = new WebhookReceiver(Instant::now)) {
            var hook = a.getBean(Webhooks.class).create("PAY", new WebhookForm(receiver.url(), java.util.List.of("item.created"), true, null), fay.id());
            receiver.secret(hook.secret());
            var items = a.getBean(BacklogItems.class);
            for (int i = 1; i <= EVENTS; i++) {
                items.create("PAY", ItemPatch.empty().title("Item " + i), fay);
            }

            var onA = CompletableFuture.supplyAsync(() -> a.getBean(WebhookDeliveries.class).deliverDue());
            var onB = CompletableFuture.supplyAsync(() -> b.getBean(WebhookDeliveries.class).deliverDue());
            assertThat(onA.get() + onB.get()).as("attempts made by both nodes together").isEqualTo(EVENTS);

            var ids = receiver.received().stream().collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
            assertThat(ids).hasSize(EVENTS).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
            assertThat(receiver.received()).allSatisfy(request -> assertThat(request.genuine()).isTrue());
            var nodes = b.getBean(JdbcClient.class).sql("SELECT COUNT(DISTINCT node) FROM exchange_webhook_attempt").query(Integer.class).single();
            assertThat(nodes).as("nodes that sent").isBetween(1, 2);

            items.create("PAY", ItemPatch.empty().title("Written just before node A stopped"), fay);
            a.close();
            assertThat(b.getBean(WebhookDeliveries.class).deliverDue()).isEqualTo(1);
            assertThat(receiver.received()).hasSize(EVENTS + 1);
            assertThat(receiver.received().getLast().body()).contains("PAY-" + (EVENTS + 1));
            assertThat(b.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM exchange_webhook_message WHERE status = 'delivered'")
                .query(Integer.class).single()).isEqualTo(EVENTS + 1);
        }
    }

    private ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(RefineryApplication.class)
            .profiles("test")
            .run("--server.port=0", "--spring.main.banner-mode=off", "--refinery.webhooks.worker=false",
                    "--spring.datasource.url=" + TestDatabases.POSTGRES_URL + "?currentSchema=" + schema,
                    "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                    "--spring.datasource.password=" + TestDatabases.POSTGRES_PASSWORD,
                    "--spring.flyway.schemas=" + schema);
    }
}
