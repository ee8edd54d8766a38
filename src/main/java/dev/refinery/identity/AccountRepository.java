package dev.refinery.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM identity_account").query(Long.class).single() > 0;
    }

    AccountId insert(String email, String displayName, String passwordHash, boolean administrator, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO identity_account (email, display_name, password_hash, administrator, created_at)
                VALUES (:email, :displayName, :passwordHash, :administrator, :createdAt)
                """)
            .param("email", email)
            .param("displayName", displayName)
            .param("passwordHash", passwordHash)
            .param("administrator", administrator)
            .param("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .update(keys, "id");
        return new AccountId(keys.getKeyAs(Number.class).longValue());
    }

    /** Claims the first run; false when an administrator was created first by somebody else. */
    boolean claimFirstRun(Instant now) {
        try {
            return jdbc.sql("""
                INSERT INTO identity_first_run (id, completed_at)
                    SELECT 1, :now
                    WHERE NOT EXISTS (SELECT 1 FROM identity_first_run)
                    """)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update() == 1;
        }
        catch (DuplicateKeyException raced) {
            return false;
        }
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_account WHERE email = :email")
            .param("email", email)
            .query(Long.class)
            .single() > 0;
    }

    Optional<Account> find(String email) {
        return jdbc.sql("""
                SELECT id, email, display_name, administrator
                FROM identity_account
                WHERE email = :email
                """)
            .param("email", email)
            .query(this::account)
            .optional();
    }

    Optional<Account> find(AccountId id) {
        return jdbc.sql("""
                SELECT id, email, display_name, administrator
                FROM identity_account
                WHERE id = :id
                """)
            .param("id", id.value())
            .query(this::account)
            .optional();
    }

    Optional<SignedInAccount> signIn(String email) {
        return jdbc.sql("""
                SELECT id, email, display_name, administrator, password_hash, deactivated_at
                FROM identity_account
                WHERE email = :email
                """)
            .param("email", email)
            .query((rs, row) -> new SignedInAccount(account(rs, row), rs.getString("password_hash"),
                    rs.getObject("deactivated_at") == null))
            .optional();
    }

    Optional<String> passwordHash(AccountId id) {
        return jdbc.sql("SELECT password_hash FROM identity_account WHERE id = :id")
            .param("id", id.value())
            .query(String.class)
            .optional();
    }

    boolean active(AccountId id) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_account WHERE id = :id AND deactivated_at IS NULL")
            .param("id", id.value())
            .query(Long.class)
            .single() > 0;
    }

    /** Deactivates (a time) or reactivates (null) an account; false when there is no such account. */
    boolean deactivated(AccountId id, Instant at) {
        return jdbc.sql("UPDATE identity_account SET deactivated_at = :at, version = version + 1 WHERE id = :id")
            .param("id", id.value())
            .param("at", at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
            .update() == 1;
    }

    boolean password(AccountId id, String passwordHash) {
        return jdbc.sql("UPDATE identity_account SET password_hash = :hash, version = version + 1 WHERE id = :id")
            .param("id", id.value())
            .param("hash", passwordHash)
            .update() == 1;
    }

    List<ListedAccount> all() {
        return jdbc.sql("""
                SELECT id, email, display_name, administrator, deactivated_at
                FROM identity_account
                ORDER BY display_name, email
                """)
            .query((rs, row) -> new ListedAccount(account(rs, row), rs.getObject("deactivated_at") == null))
            .list();
    }

    /** The account linked to a provider's subject, with its state for signing in. */
    Optional<SignedInAccount> linked(String provider, String subject) {
        return jdbc.sql("""
                SELECT a.id, a.email, a.display_name, a.administrator, a.deactivated_at
                FROM identity_external_identity e
                JOIN identity_account a ON a.id = e.account_id
                WHERE e.provider = :provider AND e.subject = :subject
                """)
            .param("provider", provider)
            .param("subject", subject)
            .query((rs, row) -> new SignedInAccount(account(rs, row), null, rs.getObject("deactivated_at") == null))
            .optional();
    }

    void link(String provider, String subject, AccountId account, Instant now) {
        jdbc.sql("""
                INSERT INTO identity_external_identity (provider, subject, account_id, linked_at)
                VALUES (:provider, :subject, :account, :now)
                """)
            .param("provider", provider)
            .param("subject", subject)
            .param("account", account.value())
            .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .update();
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        return new Account(new AccountId(rs.getLong("id")), rs.getString("email"), rs.getString("display_name"),
                rs.getBoolean("administrator"));
    }
}
