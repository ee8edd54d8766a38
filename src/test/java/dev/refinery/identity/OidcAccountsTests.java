package dev.refinery.identity;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who somebody signed in by an OpenID provider is here: linked by a verified email once, by the provider's subject
 * ever after, an account opened only where allowed and for a verified email, and every refusal saying why. On each
 * database (see the subclasses).
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class OidcAccountsTests {

    static final OidcProvider ACME = new OidcProvider("acme", null, "https://login.acme.test", "refinery", "secret", false);
    static final OidcProvider OPEN = new OidcProvider("open", "Open ID", "https://open.test", "refinery", "secret", true);

    @Autowired
    OidcAccounts oidc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    People people;

    @BeforeEach
    void people() {
        people = new People(accounts, null);
        people.administrator();
    }

    @Test
    void linksTheAccountOfAVerifiedEmailAndThenKnowsItByTheSubjectAlone() {
        var ana = people.someone("Ana");
        var subject = UUID.randomUUID().toString();

        var first = oidc.signIn(ACME, new OidcAccounts.Claims(subject, ana.email().toUpperCase(), true, "Ana at Acme"));
        var later = oidc.signIn(ACME, new OidcAccounts.Claims(subject, "ana@renamed.test", false, "Ana"));

        assertThat(first.id()).isEqualTo(ana.id());
        assertThat(later.id()).isEqualTo(ana.id());
        assertThat(later.getUsername()).isEqualTo(ana.email());
        assertThat(audit(ana.email())).contains("Signed in with Acme (linked to this account by its verified email)", "Signed in with Acme");
    }

    @Test
    void neverLinksAnUnverifiedEmail() {
        var bea = people.someone("Bea");
        var subject = UUID.randomUUID().toString();

        assertThatThrownBy(() -> oidc.signIn(ACME, new OidcAccounts.Claims(subject, bea.email(), null, "Bea")))
            .hasMessage("Acme has not verified that " + bea.email() + " is yours, so Refinery cannot link it to the account"
                    + " with that email. Verify it at Acme, or sign in with your password.");
        assertThat(links(bea.id())).isZero();
        assertThat(audit(bea.email())).containsExactly("Refused at sign-in with Acme: Acme has not verified that " + bea.email()
                + " is yours, so Refinery cannot link it to the account with that email. Verify it at Acme, or sign in with your password.");
    }

    @Test
    void opensAnAccountOnlyWhereTheProviderMayAndForAVerifiedEmail() {
        var email = "new." + UUID.randomUUID() + "@open.test";

        assertThatThrownBy(() -> oidc.signIn(ACME, new OidcAccounts.Claims(UUID.randomUUID().toString(), email, true, "Newt")))
            .hasMessage("There is no Refinery account for " + email + ". An administrator must open an account for this"
                    + " email before you can sign in with Acme.");
        assertThatThrownBy(() -> oidc.signIn(OPEN, new OidcAccounts.Claims(UUID.randomUUID().toString(), email, false, "Newt")))
            .hasMessage("Open ID has not verified that " + email + " is yours, so Refinery cannot open an account for it."
                    + " Verify it at Open ID first.");
        assertThat(accounts.find(email)).isEmpty();

        var opened = oidc.signIn(OPEN, new OidcAccounts.Claims(UUID.randomUUID().toString(), email, true, "Newt Scamander"));

        assertThat(accounts.find(email)).hasValueSatisfying(newt -> {
            assertThat(newt.id()).isEqualTo(opened.id());
            assertThat(newt.displayName()).isEqualTo("Newt Scamander");
            assertThat(newt.administrator()).isFalse();
        });
        assertThat(links(opened.id())).isOne();
    }

    @Test
    void refusesADeactivatedAccountEvenOnceLinked() {
        var cem = people.someone("Cem");
        var subject = UUID.randomUUID().toString();
        oidc.signIn(ACME, new OidcAccounts.Claims(subject, cem.email(), true, "Cem"));
        accounts.deactivate(cem.id(), people.administrator().id());

        assertThatThrownBy(() -> oidc.signIn(ACME, new OidcAccounts.Claims(subject, cem.email(), true, "Cem")))
            .hasMessage("The account " + cem.email() + " is deactivated. An administrator can reactivate it.");
    }

    private long links(AccountId account) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_external_identity WHERE account_id = :id")
            .param("id", account.value())
            .query(Long.class)
            .single();
    }

    private java.util.List<String> audit(String actor) {
        return jdbc.sql("SELECT subject FROM identity_audit WHERE actor = :actor AND kind IN ('sign-in-succeeded', 'sign-in-failed') ORDER BY id")
            .param("actor", actor)
            .query(String.class)
            .list();
    }
}
