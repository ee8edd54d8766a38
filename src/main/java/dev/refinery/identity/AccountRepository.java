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
                SELECT id, email, display_name, administrator, password_hash
                FROM identity_account
                WHERE email = :email
                """)
            .param("email", email)
            .query((rs, row) -> new SignedInAccount(account(rs, row), rs.getString("password_hash")))
            .optional();
    }

    List<Account> all() {
        return jdbc.sql("""
                SELECT id, email, display_name, administrator
                FROM identity_account
                ORDER BY display_name, email
                """)
            .query(this::account)
            .list();
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        return new Account(new AccountId(rs.getLong("id")), rs.getString("email"), rs.getString("display_name"),
                rs.getBoolean("administrator"));
    }
}
