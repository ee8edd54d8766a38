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
class ApiTokenRepository {

    /** A token found by its hash, with the account it acts for (never one of a deactivated account). */
    record Presented(long id, boolean readOnly, Instant expiresAt, Instant lastUsedAt, Account account) {
    }

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AccountId account, String name, String hash, boolean readOnly, Instant createdAt, Instant expiresAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO identity_api_token (account_id, name, token_hash, read_only, created_at, expires_at)
                VALUES (:account, :name, :hash, :readOnly, :createdAt, :expiresAt)
                """)
            .param("account", account.value())
            .param("name", name)
            .param("hash", hash)
            .param("readOnly", readOnly)
            .param("createdAt", utc(createdAt))
            .param("expiresAt", utc(expiresAt))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<ApiToken> of(AccountId account) {
        return jdbc.sql("""
                SELECT id, name, read_only, created_at, expires_at, last_used_at
                FROM identity_api_token
                WHERE account_id = :account
                ORDER BY created_at DESC, id DESC
                """)
            .param("account", account.value())
            .query(this::token)
            .list();
    }

    Optional<Presented> find(String hash) {
        return jdbc.sql("""
                SELECT t.id, t.read_only, t.expires_at, t.last_used_at, a.id AS account_id, a.email, a.display_name,
                       a.administrator
                FROM identity_api_token t
                JOIN identity_account a ON a.id = t.account_id
                WHERE t.token_hash = :hash AND a.deactivated_at IS NULL
                """)
            .param("hash", hash)
            .query((rs, row) -> new Presented(rs.getLong("id"), rs.getBoolean("read_only"), instant(rs, "expires_at"),
                    instant(rs, "last_used_at"), new Account(new AccountId(rs.getLong("account_id")), rs.getString("email"),
                            rs.getString("display_name"), rs.getBoolean("administrator"))))
            .optional();
    }

    /** Deletes one token of this account; false when the account has no such token. */
    boolean delete(AccountId account, long id) {
        return jdbc.sql("DELETE FROM identity_api_token WHERE id = :id AND account_id = :account")
            .param("id", id)
            .param("account", account.value())
            .update() == 1;
    }

    /** Records a use unless one was recorded since {@code unlessSince}: nodes that race write it once. */
    void used(long id, Instant now, Instant unlessSince) {
        jdbc.sql("""
                UPDATE identity_api_token SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :since)
                """)
            .param("id", id)
            .param("now", utc(now))
            .param("since", utc(unlessSince))
            .update();
    }

    private ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"),
                rs.getBoolean("read_only") ? ApiTokenAccess.READ_ONLY : ApiTokenAccess.READ_WRITE,
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
