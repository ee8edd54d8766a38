package dev.refinery.live;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.refinery.RefineryApplication;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewAccount;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.Teams;
import dev.refinery.shared.EventStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Open streams never hold the application up when it stops, and never outlive their timeout. */
class LiveShutdownTests {

    static final String PASSWORD = "correct horse battery";

    @Test
    void stopsWithinTwoSecondsWhileStreamsAreOpenAndEndsThem() throws Exception {
        var app = start("--refinery.live.stream-timeout=PT30M");
        var key = teamWithFirstAdministrator(app);
        try (var first = stream(app, key); var second = stream(app, key)) {
            first.await(text -> text.contains("event:presence"), Duration.ofSeconds(5));
            second.await(text -> text.contains("event:presence"), Duration.ofSeconds(5));

            var started = System.nanoTime();
            app.close();
            var took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(first.endedWithin(Duration.ofSeconds(1))).as("the server ended the first stream").isTrue();
            assertThat(second.endedWithin(Duration.ofSeconds(1))).as("the server ended the second stream").isTrue();
        }
    }

    @Test
    void endsAStreamAtItsTimeoutAndTakesItOutOfTheRoom() throws Exception {
        try (var app = start("--refinery.live.stream-timeout=PT0.5S")) {
            var key = teamWithFirstAdministrator(app);
            var rooms = app.getBean(LiveRooms.class);
            try (var stream = stream(app, key)) {
                stream.await(text -> text.contains("event:presence"), Duration.ofSeconds(5));

                assertThat(stream.endedWithin(Duration.ofSeconds(5))).as("the stream ended at its timeout").isTrue();
                assertThat(rooms.streams("team:" + key)).isZero();
            }
        }
    }

    private static ConfigurableApplicationContext start(String timeout) {
        return new SpringApplicationBuilder(RefineryApplication.class)
            .profiles("test")
            .run("--server.port=0", "--spring.main.banner-mode=off", timeout,
                    "--spring.datasource.url=jdbc:h2:mem:shutdown" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    private static String teamWithFirstAdministrator(ConfigurableApplicationContext app) {
        var admin = app.getBean(Accounts.class).openFirstAdministrator(new NewAccount("admin@refinery.test", "Admin", PASSWORD));
        app.getBean(Teams.class).create(new NewTeam("Stopping", "STOP"), admin.id());
        return "STOP";
    }

    private static EventStream stream(ConfigurableApplicationContext app, String key) {
        var port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return new EventStream("http://127.0.0.1:" + port + "/teams/" + key + "/live", "admin@refinery.test", PASSWORD);
    }
}
