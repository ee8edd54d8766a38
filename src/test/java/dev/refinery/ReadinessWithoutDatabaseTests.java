package dev.refinery;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.refinery.shared.PostgresAvailable;
import dev.refinery.shared.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL goes away under the running application (here: the proxy in front of it is cut). The load balancer's
 * readiness probe answers 503, so no traffic is sent to a node that cannot serve it, while liveness stays 200: a
 * restart would not bring the database back. When the database is back, so is readiness, and the live event bus
 * has counted its reconnect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500",
        "refinery.admin.email=" + ReadinessWithoutDatabaseTests.ADMIN, "refinery.admin.password=" + ApiClient.PASSWORD })
@ExtendWith(PostgresAvailable.class)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadinessWithoutDatabaseTests extends ApiClient {

    static final String ADMIN = "ada@refinery.test";
    static TcpProxy proxy;
    static String schema;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) throws Exception {
        var postgres = URI.create(TestDatabases.POSTGRES_URL.substring("jdbc:".length()));
        proxy = new TcpProxy(postgres.getHost(), postgres.getPort() < 0 ? 5432 : postgres.getPort());
        schema = TestDatabases.newSchema();
        var query = postgres.getQuery() == null ? "" : postgres.getQuery() + "&";
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + postgres.getPath() + "?" + query
                + "currentSchema=" + schema + "&ApplicationName=" + schema);
        registry.add("spring.datasource.username", () -> TestDatabases.POSTGRES_USER);
        registry.add("spring.datasource.password", () -> TestDatabases.POSTGRES_PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    }

    @AfterAll
    static void dropTheSchema() throws Exception {
        proxy.close();
        TestDatabases.drop(schema);
    }

    @Test
    void answersNotReadyWhileTheDatabaseIsUnreachableAndStaysLive() throws Exception {
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);

        proxy.cut();
        assertThat(until("/actuator/health/readiness", status -> status == 503)).as("readiness without a database").isEqualTo(503);
        assertThat(status("/actuator/health/liveness")).as("liveness without a database").isEqualTo(200);

        proxy.restore();
        assertThat(until("/actuator/health/readiness", status -> status == 200)).as("readiness once it is back").isEqualTo(200);
        var metrics = "";
        for (var polls = 0; !metrics.contains("refinery_live_bus_reconnects_total 1.0") && polls < 100; polls++) {
            TimeUnit.MILLISECONDS.sleep(100);
            metrics = http.send(request(ADMIN, "/actuator/prometheus").setHeader("Accept", "text/plain").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        assertThat(metrics).as("the live event bus listens again, and says so").contains("refinery_live_bus_reconnects_total 1.0");
    }

    int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Asks until the answer is the expected one, for at most 15 seconds (each try waits for the pool's timeout). */
    int until(String path, IntPredicate expected) throws Exception {
        var status = status(path);
        for (var tries = 0; !expected.test(status) && tries < 60; tries++) {
            TimeUnit.MILLISECONDS.sleep(250);
            status = status(path);
        }
        return status;
    }
}
