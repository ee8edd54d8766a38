package dev.refinery.identity;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The rules the database itself keeps, on each database (see the subclasses). */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class AccountRepositoryTests {

    @Autowired
    AccountRepository accounts;

    @Autowired
    TeamRepository teams;

    @Test
    void letsTheFirstRunBeClaimedOnce() {
        var now = Instant.parse("2026-11-27T09:00:00Z");

        var first = accounts.claimFirstRun(now);
        var second = accounts.claimFirstRun(now);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void keepsEmailsAndTeamKeysUniqueEvenWhenTheChecksAreRaced() {
        var now = Instant.parse("2026-11-27T09:00:00Z");
        var ana = accounts.insert("ana@repo.test", "Ana", "{noop}x", false, now);

        assertThatThrownBy(() -> accounts.insert("ana@repo.test", "Other Ana", "{noop}y", false, now))
            .isInstanceOf(DuplicateKeyException.class);
        var team = teams.insert(new TeamKey("REPO"), "Repository", now);
        assertThatThrownBy(() -> teams.insert(new TeamKey("REPO"), "Again", now)).isInstanceOf(DuplicateKeyException.class);
        teams.addMember(team.id(), ana, Role.PM, now);
        assertThatThrownBy(() -> teams.addMember(team.id(), ana, Role.ENGINEER, now)).isInstanceOf(DuplicateKeyException.class);

        assertThat(teams.memberships(ana)).containsExactly(new Membership(team, Role.PM));
        assertThat(teams.members(team.id())).extracting(Member::displayName, Member::role).containsExactly(
                tuple("Ana", Role.PM));
    }
}
