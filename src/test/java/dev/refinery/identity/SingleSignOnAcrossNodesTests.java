package dev.refinery.identity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.refinery.RefineryApplication;
import dev.refinery.shared.Browser;
import dev.refinery.shared.BrowserAvailable;
import dev.refinery.shared.PostgresAvailable;
import dev.refinery.shared.TestDatabases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on behind a load balancer without sticky sessions: two nodes on one PostgreSQL database, a balancer in
 * front of them that sends the start of the sign-in to node A and the provider's answer to node B, and one real
 * OpenID provider (Spring Authorization Server). The pending authorisation request lives in the session in the
 * database, so node B finishes what node A began, and the person is then signed in on both.
 */
@ExtendWith({ PostgresAvailable.class, BrowserAvailable.class })
class SingleSignOnAcrossNodesTests {

    Browser browser;

    String schema;
    OpenIdProvider provider;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    Balancer balancer;

    @BeforeEach
    void start() throws Exception {
        schema = TestDatabases.newSchema();
        provider = new OpenIdProvider();
        a = node();
        b = node();
        balancer = new Balancer(port(a), port(b));
        provider.redirectTo(balancer.base());
    }

    @AfterEach
    void stop() throws Exception {
        if (balancer != null) {
            balancer.close();
        }
        for (var node : new ConfigurableApplicationContext[] { a, b }) {
            if (node != null) {
                node.close();
            }
        }
        provider.close();
        TestDatabases.drop(schema);
    }

    @Test
    void aSignInBegunOnOneNodeEndsOnTheOtherAndHoldsOnBoth() {
        a.getBean(Accounts.class).open(new NewAccount("ada.acme@refinery.test", "Ada Lovelace", People.PASSWORD));
        provider.add("ada", "ada.acme@refinery.test", true, "Ada at Acme");

        try (var person = browser.person(balancer.base(), 1280, 900)) {
            var page = person.newPage();
            page.navigate("/sign-in");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Acme")).click();
            assertThat(page).hasURL(provider.issuer() + "/login");
            page.getByLabel("Username").fill("ada");
            page.getByLabel("Password").fill(OpenIdProvider.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(url -> url.startsWith(balancer.base() + "/"));

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your teams"))).isVisible();
            assertThat(balancer.served()).as("the sign-in began on A and its answer from the provider went to B")
                .contains("A /oauth2/authorization/acme", "B /login/oauth2/code/acme");

            for (var node : List.of("A", "B")) {
                balancer.sendAllTo(node);
                page.navigate("/account");
                assertThat(page.locator("main h1")).hasText("Ada Lovelace");
            }
            assertThat(balancer.served()).contains("A /account", "B /account");
        }
    }

    private ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(RefineryApplication.class)
            .profiles("test")
            .run("--server.port=0", "--spring.main.banner-mode=off",
                    "--server.forward-headers-strategy=native",
                    "--spring.datasource.url=" + TestDatabases.POSTGRES_URL + "?currentSchema=" + schema,
                    "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                    "--spring.datasource.password=" + TestDatabases.POSTGRES_PASSWORD,
                    "--spring.flyway.schemas=" + schema,
                    "--refinery.oidc.acme.issuer=" + provider.issuer(),
                    "--refinery.oidc.acme.client-id=refinery-acme",
                    "--refinery.oidc.acme.client-secret=" + OpenIdProvider.SECRET);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /**
     * A load balancer as an operator would put in front of the nodes, without sticky sessions: it forwards each request
     * with the {@code X-Forwarded-*} headers, follows no redirect, starts every sign-in with a provider on node A and
     * ends it on node B, and sends the rest to the node the test chooses (A, unless told otherwise).
     */
    static final class Balancer implements AutoCloseable {

        private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
                "upgrade", "expect", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

        private final HttpServer server;
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();
        private final int[] ports;
        private final AtomicInteger chosen = new AtomicInteger(0);
        private final List<String> served = new CopyOnWriteArrayList<>();

        Balancer(int a, int b) throws IOException {
            ports = new int[] { a, b };
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::forward);
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void sendAllTo(String node) {
            chosen.set(node.equals("A") ? 0 : 1);
        }

        /** The requests each node served, as "A /path". */
        List<String> served() {
            return List.copyOf(served);
        }

        private void forward(HttpExchange exchange) throws IOException {
            try (exchange) {
                var path = exchange.getRequestURI().getRawPath();
                var node = path.startsWith("/oauth2/authorization/") ? 0 : path.startsWith("/login/oauth2/code/") ? 1 : chosen.get();
                served.add((node == 0 ? "A " : "B ") + path);
                var query = exchange.getRequestURI().getRawQuery();
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[node] + path + (query == null ? "" : "?" + query)))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                        values.forEach(value -> request.header(name, value));
                    }
                });
                request.header("X-Forwarded-Host", "127.0.0.1:" + server.getAddress().getPort())
                    .header("X-Forwarded-Proto", "http");
                var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().map().forEach((name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.equals(":status")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                var body = response.body();
                var empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
                if (!empty) {
                    exchange.getResponseBody().write(body);
                }
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
