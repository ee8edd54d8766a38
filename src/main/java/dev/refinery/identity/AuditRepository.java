package dev.refinery.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, AuditKind kind, AccountId account, String actor, String address, String subject) {
        jdbc.sql("""
                INSERT INTO identity_audit (at, kind, account_id, actor, address, subject)
                VALUES (:at, :kind, :account, :actor, :address, :subject)
                """)
            .param("at", utc(at))
            .param("kind", kind.code())
            .param("account", account == null ? null : account.value(), java.sql.Types.BIGINT)
            .param("actor", actor, java.sql.Types.VARCHAR)
            .param("address", address, java.sql.Types.VARCHAR)
            .param("subject", subject)
            .update();
    }

    /** One page of the entries the filter finds, newest first, and one more if there is a next page. */
    List<AuditEntry> find(AuditFilter filter, int limit, int offset) {
        var conditions = new ArrayList<String>();
        var params = new LinkedHashMap<String, Object>();
        if (filter.kind() != null) {
            conditions.add("kind = :kind");
            params.put("kind", filter.kind().code());
        }
        if (filter.person() != null) {
            conditions.add("LOWER(actor) LIKE :person ESCAPE '\\'");
            params.put("person", "%" + filter.person().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            conditions.add("at >= :from");
            params.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        var where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        return jdbc.sql("""
                SELECT id, at, kind, account_id, actor, address, subject
                FROM identity_audit
                %s
                ORDER BY at DESC, id DESC
                LIMIT :limit OFFSET :offset
                """.formatted(where))
            .params(params)
            .param("limit", limit)
            .param("offset", offset)
            .query(this::entry)
            .list();
    }

    long deleteBefore(Instant before) {
        return jdbc.sql("DELETE FROM identity_audit WHERE at < :before")
            .param("before", utc(before))
            .update();
    }

    private AuditEntry entry(ResultSet row, int number) throws SQLException {
        var accountId = row.getLong("account_id");
        var account = row.wasNull() ? null : new AccountId(accountId);
        return new AuditEntry(row.getLong("id"), row.getObject("at", OffsetDateTime.class).toInstant(),
                AuditKind.of(row.getString("kind")).orElseThrow(), account,
                row.getString("actor"), row.getString("address"), row.getString("subject"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
