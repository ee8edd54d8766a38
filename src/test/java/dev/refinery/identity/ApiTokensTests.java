package dev.refinery.identity;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import dev.refinery.shared.MovableClock;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal API tokens as a script uses them, on each database (see the subclasses). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Replacing.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ApiTokensTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    People people;

    @BeforeEach
    void people() {
        people = new People(accounts, mvc);
    }

    @Test
    void aTokenCreatedThroughTheApiWorksAsBearerUntilItIsRevoked() throws Exception {
        var ana = people.someone("Ana");
        var created = issue(ana, "read-write", 30);

        assertThat(bearer(mvc.get().uri("/api/v1/me"), created.secret()))
            .hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo(ana.email());
        assertThat(mvc.delete().uri("/api/v1/me/tokens/" + created.id()).with(People.basic(ana)))
            .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(bearer(mvc.get().uri("/api/v1/me"), created.secret()))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyJson().extractingPath("$.detail").asString().contains("unknown, expired or revoked");
    }

    @Test
    void keepsOnlyTheHashOfTheTokenAndShowsTheTokenOnlyOnce() throws Exception {
        var ana = people.someone("Ana");
        var created = issue(ana, "read-only", 30);

        var stored = jdbc.sql("SELECT token_hash FROM identity_api_token WHERE id = :id").param("id", created.id())
            .query(String.class).single();
        assertThat(stored).isEqualTo(ApiTokens.hash(created.secret())).doesNotContain(created.secret().substring(4));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_api_token WHERE token_hash LIKE :part OR name LIKE :part")
            .param("part", "%" + created.secret().substring(4, 20) + "%").query(Long.class).single()).isZero();
        assertThat(mvc.get().uri("/api/v1/me/tokens").with(People.basic(ana)))
            .hasStatusOk()
            .bodyText().contains("\"name\":\"nightly export\"", "\"access\":\"read-only\"").doesNotContain(created.secret());
    }

    @Test
    void refusesEveryWriteOfAReadOnlyTokenButAnswersItsReads() throws Exception {
        var ana = people.someone("Ana");
        var key = People.newKey();
        assertThat(people.postJson("/api/v1/teams", ana, """
                {"name": "Payments", "key": "%s"}""".formatted(key))).hasStatus(HttpStatus.CREATED);
        var readOnly = issue(ana, "read-only", 30).secret();

        assertThat(bearer(mvc.get().uri("/api/v1/teams/" + key), readOnly))
            .hasStatusOk().bodyJson().extractingPath("$.name").isEqualTo("Payments");
        assertThat(bearer(mvc.post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Other", "key": "%s"}""".formatted(People.newKey())), readOnly))
            .hasStatus(HttpStatus.FORBIDDEN)
            .bodyJson().extractingPath("$.detail").asString().contains("read-only");
        assertThat(bearer(mvc.post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "escalated", "access": "read-write", "expiresInDays": 30}"""), readOnly))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(bearer(mvc.delete().uri("/api/v1/me/tokens/1"), readOnly)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/teams").with(People.basic(ana)))
            .bodyJson().extractingPath("$[*].key").asArray().containsExactly(key);
    }

    @Test
    void aReadWriteTokenWritesAsItsAccount() throws Exception {
        var ana = people.someone("Ana");
        var key = People.newKey();

        assertThat(bearer(mvc.post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Payments", "key": "%s"}""".formatted(key)), issue(ana, "read-write", 1).secret()))
            .hasStatus(HttpStatus.CREATED)
            .bodyJson().extractingPath("$.members[0].email").isEqualTo(ana.email());
    }

    @Test
    void refusesATokenOnceItHasExpired() throws Exception {
        var ana = people.someone("Ana");
        var secret = issue(ana, "read-only", 1).secret();
        assertThat(bearer(mvc.get().uri("/api/v1/me"), secret)).hasStatusOk();

        clock.move(Duration.ofDays(1));

        assertThat(bearer(mvc.get().uri("/api/v1/me"), secret)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesAnExpiryPastOneYearAndAnUnknownAccessNamingTheFields() {
        var ana = people.someone("Ana");

        assertThat(people.postJson("/api/v1/me/tokens", ana, """
                {"name": " ", "access": "admin", "expiresInDays": 366}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[*].field").asArray()
            .containsExactlyInAnyOrder("name", "access", "expiresInDays");
        assertThat(mvc.get().uri("/api/v1/me/tokens").with(People.basic(ana))).bodyJson().extractingPath("$").asArray().isEmpty();
    }

    @Test
    void refusesAnUnknownTokenAndOneThatIsNotTheCallersToRevoke() throws Exception {
        var ana = people.someone("Ana");
        var ben = people.someone("Ben");
        var anas = issue(ana, "read-write", 30);

        assertThat(bearer(mvc.get().uri("/api/v1/me"), "rfy_made-up")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.delete().uri("/api/v1/me/tokens/" + anas.id()).with(People.basic(ben))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(bearer(mvc.get().uri("/api/v1/me"), anas.secret())).hasStatusOk();
    }

    @Test
    void writesTheLastUseAtMostOnceAMinute() throws Exception {
        var ana = people.someone("Ana");
        var created = issue(ana, "read-only", 30);

        bearer(mvc.get().uri("/api/v1/me"), created.secret()).exchange();
        var first = lastUse(created.id());
        clock.move(Duration.ofSeconds(50));
        bearer(mvc.get().uri("/api/v1/me"), created.secret()).exchange();
        assertThat(lastUse(created.id())).isEqualTo(first);
        clock.move(Duration.ofSeconds(20));
        bearer(mvc.get().uri("/api/v1/me"), created.secret()).exchange();

        assertThat(first).isNotNull();
        assertThat(lastUse(created.id())).isAfter(first);
    }

    record Created(long id, String secret) {
    }

    private Created issue(Account owner, String access, int days) throws Exception {
        var response = people.postJson("/api/v1/me/tokens", owner, """
                {"name": "nightly export", "access": "%s", "expiresInDays": %d}""".formatted(access, days)).exchange();
        assertThat(response).hasStatus(HttpStatus.CREATED);
        var body = JSON.readTree(response.getResponse().getContentAsString());
        return new Created(body.get("token").get("id").asLong(), body.get("secret").asString());
    }

    private java.time.OffsetDateTime lastUse(long id) {
        return jdbc.sql("SELECT last_used_at FROM identity_api_token WHERE id = :id").param("id", id)
            .query(java.time.OffsetDateTime.class).single();
    }

    static MockMvcRequestBuilder bearer(MockMvcRequestBuilder request, String secret) {
        return request.header("Authorization", "Bearer " + secret);
    }
}
