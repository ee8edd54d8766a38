package dev.refinery.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The identity API as a client sees it, on each database (see the subclasses). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class IdentityApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    People people;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void people() {
        people = new People(accounts, mvc);
    }

    @Test
    void answersWhoSignedTheRequest() {
        var ana = people.someone("Ana");

        assertThat(mvc.get().uri("/api/v1/me").with(People.basic(ana)))
            .hasStatusOk()
            .bodyJson()
            .extractingPath("$.email").isEqualTo(ana.email());
    }

    @Test
    void refusesRequestsWithoutValidCredentialsAsProblems() {
        var ana = people.someone("Ana");

        assertThat(mvc.get().uri("/api/v1/me"))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic(ana.email(), "wrong password")))
            .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void createsTeamsWhoseCreatorIsTheFacilitator() {
        var ana = people.someone("Ana");
        var key = People.newKey();

        assertThat(people.postJson("/api/v1/teams", ana, """
                {"name": "Payments", "key": "%s"}""".formatted(key)))
            .hasStatus(HttpStatus.CREATED)
            .hasHeader("Location", "http://localhost/api/v1/teams/" + key)
            .bodyJson()
            .extractingPath("$.role").isEqualTo("facilitator");
        assertThat(mvc.get().uri("/api/v1/teams").with(People.basic(ana)))
            .bodyJson()
            .extractingPath("$[*].key").asArray().containsExactly(key);
    }

    @Test
    void rejectsAnEmptyNameAndALowerCaseKeyNamingEachFieldAndSavesNothing() {
        var ana = people.someone("Ana");

        assertThat(people.postJson("/api/v1/teams", ana, """
                {"name": " ", "key": "pay"}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyJson()
            .extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("name", "key");
        assertThat(mvc.get().uri("/api/v1/teams").with(People.basic(ana)))
            .bodyJson()
            .extractingPath("$").asArray().isEmpty();
    }

    @Test
    void refusesATakenKeyWithAConflictThatSaysSo() {
        var ana = people.someone("Ana");
        var ben = people.someone("Ben");
        var key = People.newKey();
        assertThat(people.postJson("/api/v1/teams", ana, """
                {"name": "Payments", "key": "%s"}""".formatted(key))).hasStatus(HttpStatus.CREATED);

        var duplicate = assertThat(people.postJson("/api/v1/teams", ben, """
                {"name": "Other payments", "key": "%s"}""".formatted(key)));

        duplicate.hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        duplicate.bodyJson().extractingPath("$.errors[0].field").isEqualTo("key");
        duplicate.bodyJson().extractingPath("$.detail").asString().contains(key, "taken");
        assertThat(mvc.get().uri("/api/v1/teams").with(People.basic(ben))).bodyJson().extractingPath("$").asArray().isEmpty();
        assertThat(mvc.get().uri("/api/v1/teams/" + key).with(People.basic(ana)))
            .bodyJson().extractingPath("$.name").isEqualTo("Payments");
    }

    @Test
    void answersNotFoundForATeamOfWhichTheCallerIsNoMember() {
        var ana = people.someone("Ana");
        var eve = people.someone("Eve");
        var key = People.newKey();
        people.postJson("/api/v1/teams", ana, """
                {"name": "Secret project", "key": "%s"}""".formatted(key)).exchange();

        assertThat(mvc.get().uri("/api/v1/teams/" + key).with(People.basic(eve)))
            .hasStatus(HttpStatus.NOT_FOUND)
            .bodyText().doesNotContain("Secret project");
        assertThat(people.postJson("/api/v1/teams/" + key + "/members", eve, """
                {"email": "%s", "role": "facilitator"}""".formatted(eve.email())))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/teams").with(People.basic(eve))).bodyJson().extractingPath("$").asArray().isEmpty();
    }

    @Test
    void letsOnlyFacilitatorsAddMembers() {
        var ana = people.someone("Ana");
        var ben = people.someone("Ben");
        var cleo = people.someone("Cleo");
        var key = People.newKey();
        people.postJson("/api/v1/teams", ana, """
                {"name": "Payments", "key": "%s"}""".formatted(key)).exchange();

        assertThat(people.postJson("/api/v1/teams/" + key + "/members", ana, """
                {"email": "%s", "role": "engineer"}""".formatted(ben.email().toUpperCase())))
            .hasStatus(HttpStatus.CREATED)
            .bodyJson().extractingPath("$.role").isEqualTo("engineer");
        assertThat(people.postJson("/api/v1/teams/" + key + "/members", ben, """
                {"email": "%s", "role": "engineer"}""".formatted(cleo.email())))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/teams/" + key).with(People.basic(ben)))
            .bodyJson().extractingPath("$.members[*].email").asArray().containsExactlyInAnyOrder(ana.email(), ben.email());
    }

    @Test
    void explainsWhyAMemberCannotBeAdded() {
        var ana = people.someone("Ana");
        var ben = people.someone("Ben");
        var key = People.newKey();
        people.postJson("/api/v1/teams", ana, """
                {"name": "Payments", "key": "%s"}""".formatted(key)).exchange();
        people.postJson("/api/v1/teams/" + key + "/members", ana, """
                {"email": "%s", "role": "pm"}""".formatted(ben.email())).exchange();

        assertThat(people.postJson("/api/v1/teams/" + key + "/members", ana, """
                {"email": "nobody@refinery.test", "role": "engineer"}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
        assertThat(people.postJson("/api/v1/teams/" + key + "/members", ana, """
                {"email": "%s", "role": "boss"}""".formatted(ben.email())))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("role");
        assertThat(people.postJson("/api/v1/teams/" + key + "/members", ana, """
                {"email": "%s", "role": "engineer"}""".formatted(ben.email())))
            .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri("/api/v1/teams/" + key).with(People.basic(ana)))
            .bodyJson().extractingPath("$.members[?(@.email == '%s')].role".formatted(ben.email())).asArray().containsExactly("pm");
    }

    @Test
    void letsOnlyAdministratorsOpenAccounts() {
        var admin = people.administrator();
        var ana = people.someone("Ana");
        var email = "new." + People.newKey().toLowerCase() + "@refinery.test";

        assertThat(people.postJson("/api/v1/users", ana, """
                {"email": "%s", "displayName": "New", "password": "long enough now"}""".formatted(email)))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(people.postJson("/api/v1/users", admin, """
                {"email": "%s", "displayName": "New", "password": "long enough now"}""".formatted(email)))
            .hasStatus(HttpStatus.CREATED)
            .headers().containsHeader("Location");
        assertThat(people.postJson("/api/v1/users", admin, """
                {"email": "%s", "displayName": "Again", "password": "long enough now"}""".formatted(email.toUpperCase())))
            .hasStatus(HttpStatus.CONFLICT);
        assertThat(people.postJson("/api/v1/users", admin, """
                {"email": "not an email", "displayName": "", "password": "short"}"""))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[*].field").asArray()
            .containsExactlyInAnyOrder("email", "displayName", "password");
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic(email, "long enough now")))
            .hasStatusOk().bodyJson().extractingPath("$.displayName").isEqualTo("New");
    }

    @Test
    void listsTheMembersWithTheirRolesAndAlwaysKeepsAFacilitator() {
        var ana = people.someone("Ana");
        var ben = people.someone("Ben");
        var eve = people.someone("Eve");
        var key = People.newKey();
        people.postJson("/api/v1/teams", ana, """
                {"name": "Payments", "key": "%s"}""".formatted(key)).exchange();
        people.postJson("/api/v1/teams/" + key + "/members", ana, """
                {"email": "%s", "role": "engineer"}""".formatted(ben.email())).exchange();
        var members = "/api/v1/teams/" + key + "/members/";

        assertThat(mvc.get().uri("/api/v1/teams/" + key + "/members").with(People.basic(ben)))
            .hasStatusOk().bodyJson().extractingPath("$[*].role").asArray().containsExactlyInAnyOrder("facilitator", "engineer");
        assertThat(mvc.get().uri("/api/v1/teams/" + key + "/members").with(People.basic(eve))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(putJson(members + ana.id().value(), ana, "{\"role\": \"pm\"}"))
            .hasStatus(HttpStatus.CONFLICT)
            .bodyJson().extractingPath("$.detail").asString().contains("only facilitator of " + key);
        assertThat(mvc.delete().uri(members + ana.id().value()).with(People.basic(ana))).hasStatus(HttpStatus.CONFLICT);
        assertThat(putJson(members + ana.id().value(), ben, "{\"role\": \"observer\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri(members + eve.id().value()).with(People.basic(ana))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(putJson(members + ben.id().value(), ana, "{\"role\": \"boss\"}"))
            .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("role");

        assertThat(putJson(members + ben.id().value(), ana, "{\"role\": \"facilitator\"}")).hasStatusOk();
        assertThat(putJson(members + ana.id().value(), ana, "{\"role\": \"pm\"}")).hasStatusOk();
        assertThat(mvc.delete().uri(members + ana.id().value()).with(People.basic(ben))).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(mvc.get().uri("/api/v1/teams/" + key).with(People.basic(ana))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/teams/" + key + "/members").with(People.basic(ben)))
            .bodyJson().extractingPath("$[*].email").asArray().containsExactly(ben.email());
    }

    @Test
    void stopsADeactivatedAccountsPasswordAndTokensAtOnceUntilItIsReactivated() throws Exception {
        var admin = people.administrator();
        var ana = people.someone("Ana");
        var token = JSON.readTree(people.postJson("/api/v1/me/tokens", ana, """
                {"name": "script", "access": "read-write", "expiresInDays": 30}""").exchange().getResponse()
            .getContentAsString()).get("secret").asString();

        assertThat(mvc.post().uri("/api/v1/users/" + ana.id().value() + "/deactivate").with(People.basic(ana)))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/v1/users/" + admin.id().value() + "/deactivate").with(People.basic(admin)))
            .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post().uri("/api/v1/users/" + ana.id().value() + "/deactivate").with(People.basic(admin)))
            .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(mvc.get().uri("/api/v1/me").with(People.basic(ana))).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token)).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(mvc.post().uri("/api/v1/users/" + ana.id().value() + "/reactivate").with(People.basic(admin)))
            .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/me").with(People.basic(ana))).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token)).hasStatusOk();
    }

    @Test
    void letsTheAdministratorSetAPasswordAndEachPersonChangeTheirOwnWithTheCurrentOne() {
        var admin = people.administrator();
        var ana = people.someone("Ana");
        var set = "set by the administrator";
        var chosen = "chosen by ana herself";

        assertThat(putJson("/api/v1/users/" + ana.id().value() + "/password", admin, """
                {"password": "%s"}""".formatted(set))).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/me").with(People.basic(ana))).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic(ana.email(), set))).hasStatusOk();

        assertThat(mvc.put().uri("/api/v1/me/password").with(httpBasic(ana.email(), set)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"currentPassword": "not it", "newPassword": "%s"}""".formatted(chosen)))
            .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("currentPassword");
        assertThat(mvc.put().uri("/api/v1/me/password").with(httpBasic(ana.email(), set)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"currentPassword": "%s", "newPassword": "%s"}""".formatted(set, chosen)))
            .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic(ana.email(), set))).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/me").with(httpBasic(ana.email(), chosen))).hasStatusOk();
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        var ana = people.someone("Ana");

        assertThat(people.postJson("/api/v1/teams", ana, "{\"name\": "))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MockMvcRequestBuilder putJson(String uri, Account as, String json) {
        return mvc.put().uri(uri).with(People.basic(as)).contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
