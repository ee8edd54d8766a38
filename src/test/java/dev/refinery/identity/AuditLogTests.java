package dev.refinery.identity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.refinery.meeting.RefinementSessions;
import dev.refinery.meeting.SessionPlan;
import dev.refinery.shared.MovableClock;
import dev.refinery.shared.Sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The audit log records sign-ins, accounts, members, tokens, backups and guest links with who, when and from where,
 * shows them to administrators only, filtered and paged, and forgets them after the retention. On each database (see
 * the subclasses); each test acts from an address of its own and with people of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Replacing.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class AuditLogTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    RefinementSessions sessions;

    @Autowired
    Sweeps sweeps;

    @Autowired
    MovableClock clock;

    People people;
    String address;
    RequestPostProcessor from;

    @BeforeEach
    void people() {
        people = new People(accounts, mvc);
        people.administrator();
        address = "10.40.0." + ADDRESSES.incrementAndGet();
        from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void recordsSignInsThatFailedSucceededAndWereRefusedByTheLockWithTheEmailAndAddress() {
        var ana = people.someone("Ana");

        assertThat(signIn(ana.email(), "a wrong guess")).hasRedirectedUrl("/sign-in?error");
        assertThat(signIn(ana.email(), People.PASSWORD)).hasRedirectedUrl("/");
        for (var attempt = 1; attempt <= 10; attempt++) {
            signIn(ana.email(), "a wrong guess " + attempt).exchange();
            clock.move(Duration.ofMinutes(1));
        }
        assertThat(signIn(ana.email(), People.PASSWORD).exchange().getResponse().getRedirectedUrl()).startsWith("/sign-in?locked=");

        var expected = new ArrayList<AuditKind>();
        expected.add(AuditKind.SIGN_IN_LOCKED);
        expected.addAll(Collections.nCopies(10, AuditKind.SIGN_IN_FAILED));
        expected.addAll(List.of(AuditKind.SIGN_IN_SUCCEEDED, AuditKind.SIGN_IN_FAILED));
        var entries = of(ana.email());
        assertThat(entries).extracting(AuditEntry::kind).containsExactlyElementsOf(expected);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.address()).isEqualTo(address));
        assertThat(entries.get(entries.size() - 2).account()).isEqualTo(ana.id());
        assertThat(entries.getLast().subject()).isEqualTo("Wrong email or password");
    }

    @Test
    void recordsMembersRolesAndTokensWithWhoChangedThem() {
        var fay = people.someone("Fay");
        var ben = people.someone("Ben");
        var team = People.newKey();
        assertThat(people.postJson("/api/v1/teams", fay, "{\"name\": \"Payments\", \"key\": \"" + team + "\"}").with(from))
            .hasStatus(HttpStatus.CREATED);

        assertThat(people.postJson("/api/v1/teams/" + team + "/members", fay,
                "{\"email\": \"" + ben.email() + "\", \"role\": \"observer\"}").with(from)).hasStatus(HttpStatus.CREATED);
        assertThat(mvc.put().uri("/api/v1/teams/" + team + "/members/" + ben.id().value()).with(People.basic(fay)).with(from)
            .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"engineer\"}")).hasStatusOk();
        assertThat(mvc.delete().uri("/api/v1/teams/" + team + "/members/" + ben.id().value()).with(People.basic(fay))
            .with(from)).hasStatus2xxSuccessful();
        var created = people.postJson("/api/v1/me/tokens", fay,
                "{\"name\": \"nightly export\", \"access\": \"read-only\", \"expiresInDays\": 30}").with(from).exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        var token = created.getResponse().getHeader("Location").replaceAll(".*/", "");
        assertThat(mvc.delete().uri("/api/v1/me/tokens/" + token).with(People.basic(fay)).with(from))
            .hasStatus2xxSuccessful();

        var entries = of(fay.email());
        assertThat(entries).extracting(AuditEntry::kind).containsExactly(AuditKind.TOKEN_REVOKED, AuditKind.TOKEN_CREATED,
                AuditKind.MEMBER_REMOVED, AuditKind.ROLE_CHANGED, AuditKind.MEMBER_ADDED);
        assertThat(entries).extracting(AuditEntry::subject).containsExactly("\"nightly export\"",
                entries.get(1).subject(), ben.email() + " from " + team + " (was Engineer)",
                ben.email() + " in " + team + ": Observer to Engineer", ben.email() + " to " + team + " as Observer");
        assertThat(entries.get(1).subject()).startsWith("\"nightly export\" (read-only, expires ");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.account()).isEqualTo(fay.id());
            assertThat(entry.address()).isEqualTo(address);
        });
    }

    @Test
    void recordsWhatTheAdministratorDoesToAccounts() {
        var admin = accounts.find("admin@refinery.test").orElseThrow();
        var ben = people.someone("Ben");
        var account = "/api/v1/users/" + ben.id().value();

        assertThat(mvc.post().uri(account + "/deactivate").with(People.basic(admin)).with(from)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.post().uri(account + "/reactivate").with(People.basic(admin)).with(from)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.put().uri(account + "/password").with(People.basic(admin)).with(from)
            .contentType(MediaType.APPLICATION_JSON).content("{\"password\": \"a long new secret phrase\"}"))
            .hasStatus(HttpStatus.NO_CONTENT);

        var entries = audit.find(new AuditFilter(null, null, null, null, 1)).entries().stream()
            .filter(entry -> entry.subject().equals(ben.email())).toList();
        assertThat(entries).extracting(AuditEntry::kind).containsExactly(AuditKind.PASSWORD_SET,
                AuditKind.ACCOUNT_REACTIVATED, AuditKind.ACCOUNT_DEACTIVATED, AuditKind.ACCOUNT_OPENED);
        assertThat(entries.subList(0, 3)).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(admin.email());
            assertThat(entry.address()).isEqualTo(address);
        });
    }

    @Test
    void recordsBackupsAndGuestLinksOfTheOtherModules() {
        var fay = people.someone("Fay");
        var team = People.newKey();
        var empty = People.newKey();
        people.postJson("/api/v1/teams", fay, "{\"name\": \"Payments\", \"key\": \"" + team + "\"}").exchange();
        people.postJson("/api/v1/teams", fay, "{\"name\": \"Empty\", \"key\": \"" + empty + "\"}").exchange();

        var backup = mvc.get().uri("/api/v1/teams/" + team + "/exports/backup").with(People.basic(fay)).with(from).exchange();
        assertThat(backup).hasStatusOk();
        assertThat(people.postJson("/api/v1/teams/" + empty + "/restore", fay, bodyOf(backup)).with(from)).hasStatusOk();
        var session = sessions.plan(team, new SessionPlan("Checkout", "", "", "2026-12-01T10:00", "60", ""), fay,
                ZoneOffset.UTC);
        var page = "/teams/" + team + "/sessions/" + session.id();
        var signedIn = user(people.signedIn(fay));
        assertThat(mvc.post().uri(page + "/guest-link").with(signedIn).with(csrf()).with(from)).hasStatus3xxRedirection();
        assertThat(mvc.post().uri(page + "/guest-link/revoke").with(signedIn).with(csrf()).with(from)).hasStatus3xxRedirection();

        var entries = of(fay.email());
        assertThat(entries).extracting(AuditEntry::kind).containsExactly(AuditKind.GUEST_LINK_REVOKED,
                AuditKind.GUEST_LINK_CREATED, AuditKind.BACKUP_RESTORED, AuditKind.BACKUP_DOWNLOADED);
        assertThat(entries).extracting(AuditEntry::subject).containsExactly(
                "Session " + session.id() + " of " + team + ": Checkout", "Session " + session.id() + " of " + team,
                "Team " + empty + ": 0 items", "Team " + team);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.address()).isEqualTo(address));
    }

    @Test
    void showsAdministratorsTheNewestFirstFilteredAndPagedAndNobodyElse() {
        var admin = people.signedIn(accounts.find("admin@refinery.test").orElseThrow());
        var person = "paged." + People.newKey().toLowerCase() + "@refinery.test";
        var first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (var entry = 1; entry <= 55; entry++) {
            audit.record(AuditKind.SIGN_IN_FAILED, null, person, "10.50.0.1", "Attempt " + entry);
        }
        clock.move(Duration.ofDays(2));
        audit.record(AuditKind.SIGN_IN_LOCKED, null, person, "10.50.0.1", "Two days later");

        assertThat(mvc.get().uri("/admin/audit").param("person", person).with(user(admin))).hasStatusOk().bodyText()
            .contains("Audit log", "Two days later", "Attempt 55", "by " + person, "from 10.50.0.1", "rel=\"next\"")
            .doesNotContain("Attempt 5<", "rel=\"prev\"");
        assertThat(mvc.get().uri("/admin/audit").param("person", person).param("page", "2").with(user(admin)))
            .hasStatusOk().bodyText().contains("Attempt 6<", "Attempt 1<", "rel=\"prev\"").doesNotContain("Attempt 7<", "rel=\"next\"");
        assertThat(mvc.get().uri("/admin/audit").param("person", person).param("kind", "sign-in-locked").with(user(admin)))
            .bodyText().contains("Two days later").doesNotContain("Attempt 55");
        assertThat(mvc.get().uri("/admin/audit").param("person", person).param("from", first.toString())
            .param("to", first.plusDays(1).toString()).with(user(admin)))
            .bodyText().contains("Attempt 55").doesNotContain("Two days later");
        assertThat(mvc.get().uri("/admin/audit").param("from", "31.12.2026").param("to", "2026-01-01").with(user(admin)))
            .hasStatusOk().bodyText().contains("id=\"from-error\"", "A day as year-month-day, such as 2026-03-31.");
        assertThat(mvc.get().uri("/admin/accounts").with(user(admin))).bodyText().contains("href=\"/admin/audit\"");
        assertThat(mvc.get().uri("/api/v1/audit").param("person", person).param("kind", "sign-in-locked")
            .with(People.basic(accounts.find("admin@refinery.test").orElseThrow()))).hasStatusOk().bodyJson()
            .extractingPath("$.entries[0].kind").isEqualTo("sign-in-locked");

        var ben = people.someone("Ben");
        assertThat(mvc.get().uri("/admin/audit").with(user(people.signedIn(ben)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/audit").with(People.basic(ben))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/audit")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void forgetsEntriesOlderThanTheRetentionOnTheNextCleanUp() {
        var person = "kept." + People.newKey().toLowerCase() + "@refinery.test";
        audit.record(AuditKind.SIGN_IN_FAILED, null, person, null, "Old");
        clock.move(Duration.ofDays(2));
        audit.record(AuditKind.SIGN_IN_FAILED, null, person, null, "Recent");
        clock.move(Duration.ofDays(399));

        assertThat(sweeps.sweep().get("audit")).isGreaterThanOrEqualTo(1L);
        assertThat(of(person)).extracting(AuditEntry::subject).containsExactly("Recent");
    }

    private MockMvcTester.MockMvcRequestBuilder signIn(String email, String password) {
        return mvc.post().uri("/sign-in").param("email", email).param("password", password).with(csrf()).with(from);
    }

    private List<AuditEntry> of(String email) {
        return audit.find(new AuditFilter(null, email, null, null, 1)).entries();
    }

    private static String bodyOf(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        }
        catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
