package dev.refinery.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SignInFailureRepository {

    private final JdbcClient jdbc;

    SignInFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> lockedUntil(String subject) {
        return jdbc.sql("SELECT locked_until FROM identity_sign_in_failure WHERE subject = :subject")
            .param("subject", subject)
            .query((rs, row) -> Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class)).map(OffsetDateTime::toInstant))
            .optional()
            .flatMap(until -> until);
    }

    /**
     * Counts one more failure, from one again when the last was before {@code countSince}, and answers the count. The
     * increment is one statement, so failures sent to several nodes at once are all counted.
     */
    int fail(String subject, Instant now, Instant countSince) {
        if (increment(subject, now, countSince) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO identity_sign_in_failure (subject, failures, last_failure_at)
                        VALUES (:subject, 1, :now)
                        """)
                    .param("subject", subject)
                    .param("now", utc(now))
                    .update();
            }
            catch (DuplicateKeyException raced) {
                increment(subject, now, countSince);
            }
        }
        return jdbc.sql("SELECT failures FROM identity_sign_in_failure WHERE subject = :subject")
            .param("subject", subject)
            .query(Integer.class)
            .single();
    }

    void lock(String subject, Instant until) {
        jdbc.sql("UPDATE identity_sign_in_failure SET locked_until = :until WHERE subject = :subject")
            .param("subject", subject)
            .param("until", utc(until))
            .update();
    }

    void clear(String subject) {
        jdbc.sql("DELETE FROM identity_sign_in_failure WHERE subject = :subject")
            .param("subject", subject)
            .update();
    }

    /** Removes failures that no longer count and whose lock is over. */
    long sweep(Instant countSince, Instant now) {
        return jdbc.sql("""
                DELETE FROM identity_sign_in_failure
                WHERE last_failure_at < :since AND (locked_until IS NULL OR locked_until < :now)
                """)
            .param("since", utc(countSince))
            .param("now", utc(now))
            .update();
    }

    private int increment(String subject, Instant now, Instant countSince) {
        return jdbc.sql("""
                UPDATE identity_sign_in_failure
                SET failures = CASE WHEN last_failure_at < :since THEN 1 ELSE failures + 1 END, last_failure_at = :now
                WHERE subject = :subject
                """)
            .param("subject", subject)
            .param("since", utc(countSince))
            .param("now", utc(now))
            .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
