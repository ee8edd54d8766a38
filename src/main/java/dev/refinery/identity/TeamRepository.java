package dev.refinery.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository {

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean keyTaken(TeamKey key) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_team WHERE team_key = :key")
            .param("key", key.value())
            .query(Long.class)
            .single() > 0;
    }

    Team insert(TeamKey key, String name, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO identity_team (team_key, name, created_at)
                VALUES (:key, :name, :createdAt)
                """)
            .param("key", key.value())
            .param("name", name)
            .param("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .update(keys, "id");
        return new Team(new TeamId(keys.getKeyAs(Number.class).longValue()), key, name);
    }

    void addMember(TeamId team, AccountId account, Role role, Instant now) {
        jdbc.sql("""
                INSERT INTO identity_membership (team_id, account_id, role, added_at)
                VALUES (:team, :account, :role, :addedAt)
                """)
            .param("team", team.value())
            .param("account", account.value())
            .param("role", role.code())
            .param("addedAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .update();
    }

    Optional<Membership> membership(TeamKey key, AccountId account) {
        return jdbc.sql("""
                SELECT t.id, t.team_key, t.name, m.role
                FROM identity_team t
                JOIN identity_membership m ON m.team_id = t.id
                WHERE t.team_key = :key AND m.account_id = :account
                """)
            .param("key", key.value())
            .param("account", account.value())
            .query(this::membership)
            .optional();
    }

    List<Membership> memberships(AccountId account) {
        return jdbc.sql("""
                SELECT t.id, t.team_key, t.name, m.role
                FROM identity_team t
                JOIN identity_membership m ON m.team_id = t.id
                WHERE m.account_id = :account
                ORDER BY t.name, t.team_key
                """)
            .param("account", account.value())
            .query(this::membership)
            .list();
    }

    Optional<Team> byKey(TeamKey key) {
        return jdbc.sql("SELECT id, team_key, name FROM identity_team WHERE team_key = :key")
            .param("key", key.value())
            .query((rs, row) -> new Team(new TeamId(rs.getLong("id")), new TeamKey(rs.getString("team_key")), rs.getString("name")))
            .optional();
    }

    List<Member> members(TeamId team) {
        return jdbc.sql("""
                SELECT a.id, a.display_name, a.email, m.role
                FROM identity_membership m
                JOIN identity_account a ON a.id = m.account_id
                WHERE m.team_id = :team
                ORDER BY a.display_name, a.email
                """)
            .param("team", team.value())
            .query((rs, row) -> new Member(new AccountId(rs.getLong("id")), rs.getString("display_name"),
                    rs.getString("email"), role(rs)))
            .list();
    }

    /** Holds the team's row until the transaction ends, so that two changes of its members never interleave. */
    void lock(TeamId team) {
        jdbc.sql("UPDATE identity_team SET version = version + 1 WHERE id = :team")
            .param("team", team.value())
            .update();
    }

    Optional<Role> role(TeamId team, AccountId account) {
        return jdbc.sql("SELECT role FROM identity_membership WHERE team_id = :team AND account_id = :account")
            .param("team", team.value())
            .param("account", account.value())
            .query((rs, row) -> role(rs))
            .optional();
    }

    long facilitators(TeamId team) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_membership WHERE team_id = :team AND role = 'facilitator'")
            .param("team", team.value())
            .query(Long.class)
            .single();
    }

    void changeRole(TeamId team, AccountId account, Role role) {
        jdbc.sql("UPDATE identity_membership SET role = :role WHERE team_id = :team AND account_id = :account")
            .param("team", team.value())
            .param("account", account.value())
            .param("role", role.code())
            .update();
    }

    void removeMember(TeamId team, AccountId account) {
        jdbc.sql("DELETE FROM identity_membership WHERE team_id = :team AND account_id = :account")
            .param("team", team.value())
            .param("account", account.value())
            .update();
    }

    private Membership membership(ResultSet rs, int row) throws SQLException {
        var team = new Team(new TeamId(rs.getLong("id")), new TeamKey(rs.getString("team_key")), rs.getString("name"));
        return new Membership(team, role(rs));
    }

    private static Role role(ResultSet rs) throws SQLException {
        return Role.of(rs.getString("role")).orElseThrow();
    }
}
