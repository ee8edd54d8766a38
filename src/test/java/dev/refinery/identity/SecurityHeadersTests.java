package dev.refinery.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and API answer tells the browser what it may do: scripts and styles only from the app's origin, no
 * framing, a referrer policy, no sniffing, and HSTS once the request came over HTTPS, here through a proxy that says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SecurityHeadersTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void administrator() {
        // Until the first administrator exists every page leads to the setup.
        new People(accounts, null).administrator();
    }

    @Test
    void pagesRunScriptsAndStylesOnlyFromTheirOwnOriginAndCannotBeFramed() throws Exception {
        var page = get("/sign-in");
        var policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'self'",
                "form-action 'self'", "frame-ancestors 'none'", "img-src 'self' data:")
            .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).contains("<meta name=\"htmx-config\" content='{\"allowEval\":false,\"includeIndicatorStyles\":false,\"attributesToSettle\":[\"class\",\"width\",\"height\"]}'>")
            .doesNotContain("<script>", " style=\"");
    }

    @Test
    void apiAnswersAllowNothingToRunOrFrameThemEvenWhenTheyRefuse() throws Exception {
        var refused = get("/api/v1/me");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Security-Policy"))
            .hasValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(refused.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aGuestLinkPageSendsNoReferrerAsItsAddressCarriesTheToken() throws Exception {
        var join = get("/join/not-a-real-token");

        assertThat(join.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(join.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe-inline");
    }

    @Test
    void onlySwaggerUiMayUseInlineStylesAndStillRunsNoInlineScript() throws Exception {
        var swagger = get("/swagger-ui/index.html");
        var policy = swagger.headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(policy).contains("style-src 'self' 'unsafe-inline'", "script-src 'self'", "frame-ancestors 'none'");
        assertThat(policy.replace("style-src 'self' 'unsafe-inline'", "")).doesNotContain("unsafe");
        assertThat(get("/api-docs-are-not-here").headers().firstValue("Content-Security-Policy").orElseThrow())
            .doesNotContain("unsafe-inline");
    }

    @Test
    void strictTransportSecurityOnlyWhenTheRequestCameOverHttps() throws Exception {
        assertThat(get("/sign-in").headers().firstValue("Strict-Transport-Security")).isEmpty();

        var secure = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in"))
            .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(secure.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");
        var api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
            .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
