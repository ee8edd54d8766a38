package dev.refinery.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The pages of accounts and teams, as a signed-in person sees them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IdentityPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    People people;

    @BeforeEach
    void people() {
        people = new People(accounts, mvc);
    }

    @Test
    void showsTheTeamsOfTheSignedInPersonOnlyWithTheTeamSwitcher() {
        var ana = people.someone("Ana");
        var eve = people.someone("Eve");
        var mine = People.newKey();
        var theirs = People.newKey();
        teams.create(new NewTeam("Payments", mine), ana.id());
        teams.create(new NewTeam("Secret project", theirs), eve.id());

        assertThat(mvc.get().uri("/").with(user(people.signedIn(ana))))
            .hasStatusOk()
            .bodyText()
            .contains("href=\"/teams/" + mine + "\"", "Payments", "Facilitator")
            .doesNotContain(theirs, "Secret project");
    }

    @Test
    void everyPageCarriesTheSwitcherWithAllTheTeamsOfThePerson() {
        var ana = people.someone("Ana");
        var payments = People.newKey();
        var billing = People.newKey();
        teams.create(new NewTeam("Payments", payments), ana.id());
        teams.create(new NewTeam("Billing", billing), ana.id());

        assertThat(mvc.get().uri("/teams/" + payments + "/workstreams").with(user(people.signedIn(ana))))
            .hasStatusOk()
            .bodyText()
            .contains("<summary>Teams</summary>", "<span class=\"key\">" + billing + "</span> Billing",
                    "<span class=\"key\">" + payments + "</span> Payments");
    }

    @Test
    void createsATeamFromTheHomePage() {
        var ana = people.someone("Ana");
        var key = People.newKey();

        assertThat(mvc.post().uri("/teams").with(user(people.signedIn(ana))).with(csrf())
                .param("name", "Payments").param("key", key))
            .hasRedirectedUrl("/teams/" + key);
        assertThat(mvc.get().uri("/teams/" + key).with(user(people.signedIn(ana))))
            .hasStatusOk()
            .bodyText().contains("<h1>Payments</h1>", ana.email(), "Add a member");
    }

    @Test
    void showsWhatIsWrongNextToEachFieldAndKeepsWhatWasTyped() {
        var ana = people.someone("Ana");
        var taken = People.newKey();
        teams.create(new NewTeam("Payments", taken), ana.id());

        assertThat(mvc.post().uri("/teams").with(user(people.signedIn(ana))).with(csrf())
                .param("name", "").param("key", "pay"))
            .hasStatusOk()
            .bodyText()
            .contains("id=\"name-error\"", "Enter a team name.")
            .contains("id=\"key-error\"", "A team key is 2 to 10 capital letters, like PAY.")
            .contains("value=\"pay\"");
        assertThat(mvc.post().uri("/teams").with(user(people.signedIn(ana))).with(csrf())
                .param("name", "Second payments").param("key", taken))
            .hasStatusOk()
            .bodyText().contains("id=\"key-error\"", "The key " + taken + " is taken by another team");
        assertThat(teams.of(ana.id())).extracting(m -> m.team().name()).containsExactly("Payments");
    }

    @Test
    void answersNotFoundForTheTeamPageOfANonMember() {
        var ana = people.someone("Ana");
        var eve = people.someone("Eve");
        var key = People.newKey();
        teams.create(new NewTeam("Secret project", key), ana.id());

        assertThat(mvc.get().uri("/teams/" + key).with(user(people.signedIn(eve))))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/teams/" + key + "/live").with(user(people.signedIn(eve))))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/teams/" + key + "/members").with(user(people.signedIn(eve))).with(csrf())
                .param("email", eve.email()).param("role", "facilitator"))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(teams.members(key, ana.id())).extracting(Member::email).containsExactly(ana.email());
    }

    @Test
    void letsAFacilitatorAddMembersAndHidesTheFormFromOthers() {
        var ana = people.someone("Ana");
        var ben = people.someone("Ben");
        var key = People.newKey();
        teams.create(new NewTeam("Payments", key), ana.id());

        assertThat(mvc.post().uri("/teams/" + key + "/members").with(user(people.signedIn(ana))).with(csrf())
                .param("email", "nobody@refinery.test").param("role", "engineer"))
            .hasStatusOk()
            .bodyText().contains("id=\"email-error\"", "No account has this email");
        assertThat(mvc.post().uri("/teams/" + key + "/members").with(user(people.signedIn(ana))).with(csrf())
                .param("email", ben.email()).param("role", "observer"))
            .hasRedirectedUrl("/teams/" + key);
        assertThat(mvc.get().uri("/teams/" + key).with(user(people.signedIn(ben))))
            .hasStatusOk()
            .bodyText().contains(ben.email(), "Observer").doesNotContain("Add a member");
    }

    @Test
    void refusesAFormSentWithoutItsCsrfToken() {
        var ana = people.someone("Ana");

        assertThat(mvc.post().uri("/teams").with(user(people.signedIn(ana)))
                .param("name", "Payments").param("key", People.newKey()))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(teams.of(ana.id())).isEmpty();
    }

    @Test
    void sendsTheCsrfTokenWithEveryHtmxRequest() {
        var ana = people.someone("Ana");

        assertThat(mvc.get().uri("/").with(user(people.signedIn(ana))))
            .bodyText().containsPattern("<body hx-headers=\"\\{&#34;X-CSRF-TOKEN&#34;: &#34;[^&]+&#34;\\}\">");
    }

    @Test
    void letsOnlyAdministratorsOpenAccountsOnTheAccountsPage() {
        var admin = people.administrator();
        var ana = people.someone("Ana");
        var email = "page." + People.newKey().toLowerCase() + "@refinery.test";

        assertThat(mvc.get().uri("/admin/accounts").with(user(people.signedIn(ana)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/accounts").with(user(people.signedIn(admin))).with(csrf())
                .param("email", ana.email()).param("displayName", "Ana again").param("password", "long enough now"))
            .hasStatusOk()
            .bodyText().contains("id=\"email-error\"", "An account with this email already exists.");
        assertThat(mvc.post().uri("/admin/accounts").with(user(people.signedIn(admin))).with(csrf())
                .param("email", email).param("displayName", "Pat").param("password", "long enough now"))
            .hasRedirectedUrl("/admin/accounts?created=" + email);
        assertThat(accounts.find(email)).isPresent();
    }

    @Test
    void letsAFacilitatorChangeRolesAndRemoveMembersOnTheTeamPageButNeverTheLastFacilitator() {
        var ana = people.someone("Ana");
        var ben = people.someone("Ben");
        var key = People.newKey();
        teams.create(new NewTeam("Payments", key), ana.id());
        teams.add(key, new NewMember(ben.email(), "observer"), ana.id());
        var members = "/teams/" + key + "/members/";

        assertThat(mvc.get().uri("/teams/" + key).with(user(people.signedIn(ana))))
            .bodyText().contains("action=\"" + members + ben.id().value() + "/role\"", "Remove");
        assertThat(mvc.post().uri(members + ana.id().value() + "/role").with(user(people.signedIn(ana))).with(csrf())
                .param("role", "engineer"))
            .hasStatusOk().bodyText().contains("id=\"role-error\"", "the only facilitator of " + key);
        assertThat(mvc.post().uri(members + ben.id().value() + "/role").with(user(people.signedIn(ana))).with(csrf())
                .param("role", "engineer"))
            .hasRedirectedUrl("/teams/" + key);
        assertThat(mvc.get().uri("/teams/" + key).with(user(people.signedIn(ben))))
            .bodyText().contains("you are engineer").doesNotContain("Change role");
        assertThat(mvc.post().uri(members + ben.id().value() + "/remove").with(user(people.signedIn(ana))).with(csrf()))
            .hasRedirectedUrl("/teams/" + key);
        assertThat(mvc.get().uri("/teams/" + key).with(user(people.signedIn(ben)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(teams.members(key, ana.id())).extracting(Member::email).containsExactly(ana.email());
    }

    @Test
    void endsTheSessionOfADeactivatedAccountAtItsNextRequest() {
        var admin = people.administrator();
        var ana = people.someone("Ana");
        var signedIn = people.signedIn(ana);
        assertThat(mvc.get().uri("/").with(user(signedIn))).hasStatusOk();

        assertThat(mvc.post().uri("/admin/accounts/" + ana.id().value() + "/deactivate").with(user(people.signedIn(admin)))
                .with(csrf()))
            .hasRedirectedUrl("/admin/accounts");
        assertThat(mvc.get().uri("/admin/accounts").with(user(people.signedIn(admin))))
            .bodyText().contains(ana.email(), "Deactivated", "Reactivate");

        assertThat(mvc.get().uri("/").with(user(signedIn))).hasRedirectedUrl("/sign-in?deactivated");
        assertThat(mvc.get().uri("/sign-in").param("deactivated", "")).bodyText().contains("You are signed out.");
    }

    @Test
    void changesTheOwnPasswordOnlyWithTheCurrentOneAndLetsTheAdministratorSetOne() {
        var admin = people.administrator();
        var ana = people.someone("Ana");

        assertThat(mvc.post().uri("/account/password").with(user(people.signedIn(ana))).with(csrf())
                .param("currentPassword", "a wrong guess").param("newPassword", "a new long password"))
            .hasStatusOk().bodyText().contains("id=\"currentPassword-error\"", "This is not your current password.");
        assertThat(mvc.post().uri("/account/password").with(user(people.signedIn(ana))).with(csrf())
                .param("currentPassword", People.PASSWORD).param("newPassword", "a new long password"))
            .hasRedirectedUrl("/account?password-changed");
        assertThat(accounts.loadUserByUsername(ana.email()).getPassword()).startsWith("{bcrypt}");

        assertThat(mvc.post().uri("/admin/accounts/" + ana.id().value() + "/password").with(user(people.signedIn(admin)))
                .with(csrf()).param("password", ""))
            .hasStatusOk().bodyText().contains("id=\"password-error\"");
        assertThat(mvc.post().uri("/admin/accounts/" + ana.id().value() + "/password").with(user(people.signedIn(admin)))
                .with(csrf()).param("password", People.PASSWORD))
            .hasRedirectedUrl("/admin/accounts?password-set=" + ana.id().value());
        assertThat(mvc.post().uri("/admin/accounts/" + ana.id().value() + "/password").with(user(people.signedIn(ana)))
                .with(csrf()).param("password", "taking over the account"))
            .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void keepsSelfSignUpClosedByDefault() {
        assertThat(mvc.get().uri("/sign-up")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void reportsHealthWithTheDatabaseChecked() {
        assertThat(mvc.get().uri("/actuator/health"))
            .hasStatusOk()
            .bodyJson().extractingPath("$.components.db.status").isEqualTo("UP");
    }
}
