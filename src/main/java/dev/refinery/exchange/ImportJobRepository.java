package dev.refinery.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.refinery.backlog.Status;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Import jobs, and the column and status mappings teams saved; the file itself is read only when a job runs. */
@Repository
class ImportJobRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ImportJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long team, ImportFormat format, String fileName, String content, Map<String, String> mapping,
            boolean validRowsOnly, ImportJob.Status status, long by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exchange_import_job (team_id, format, file_name, content, mapping, valid_rows_only, status,
                    created_by, created_at, updated_at)
                VALUES (:team, :format, :fileName, :content, :mapping, :validRowsOnly, :status, :by, :now, :now)
                """)
            .param("team", team)
            .param("format", format.code())
            .param("fileName", fileName)
            .param("content", content)
            .param("mapping", mapping == null ? null : JSON.writeValueAsString(mapping), java.sql.Types.VARCHAR)
            .param("validRowsOnly", validRowsOnly)
            .param("status", status.code())
            .param("by", by)
            .param("now", at(now))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ImportJob> find(long team, String teamKey, long id) {
        return jdbc.sql(SELECT + " WHERE team_id = :team AND id = :id")
            .param("team", team)
            .param("id", id)
            .query((rs, row) -> job(rs, teamKey))
            .optional();
    }

    List<ImportJob> recent(long team, String teamKey, int count) {
        return jdbc.sql(SELECT + " WHERE team_id = :team ORDER BY id DESC FETCH FIRST :count ROWS ONLY")
            .param("team", team)
            .param("count", count)
            .query((rs, row) -> job(rs, teamKey))
            .list();
    }

    /** What a job runs on: the file, who started it. */
    record Work(long team, ImportFormat format, String content, Map<String, String> mapping, boolean validRowsOnly,
            long by) {
    }

    Optional<Work> work(long id) {
        return jdbc.sql("""
                SELECT team_id, format, content, mapping, valid_rows_only, created_by
                FROM exchange_import_job
                WHERE id = :id
                """)
            .param("id", id)
            .query((rs, row) -> new Work(rs.getLong("team_id"), ImportFormat.of(rs.getString("format")).orElseThrow(),
                    rs.getString("content"), mapping(rs.getString("mapping")), rs.getBoolean("valid_rows_only"),
                    rs.getLong("created_by")))
            .optional();
    }

    void map(long id, Map<String, String> mapping, Instant now) {
        jdbc.sql("""
                UPDATE exchange_import_job SET mapping = :mapping, status = 'queued', updated_at = :now
                WHERE id = :id AND status = 'mapping'
                """)
            .param("id", id)
            .param("mapping", JSON.writeValueAsString(mapping))
            .param("now", at(now))
            .update();
    }

    void checking(long id, int totalRows, Instant now) {
        jdbc.sql("UPDATE exchange_import_job SET status = 'checking', total_rows = :total, updated_at = :now WHERE id = :id")
            .param("id", id)
            .param("total", totalRows)
            .param("now", at(now))
            .update();
    }

    void importing(long id, int savedRows, Instant now) {
        jdbc.sql("UPDATE exchange_import_job SET status = 'importing', saved_rows = :saved, updated_at = :now WHERE id = :id")
            .param("id", id)
            .param("saved", savedRows)
            .param("now", at(now))
            .update();
    }

    /** Ends a job; its file is no longer needed unless the person may still import its valid rows. */
    void finish(long id, ImportJob.Status status, int savedRows, int added, int alreadyThere, List<Reading.RowError> errors,
            int errorCount, String message, Instant now) {
        jdbc.sql("""
                UPDATE exchange_import_job
                SET status = :status, saved_rows = :saved, added = :added, already_there = :alreadyThere,
                    errors = :errors, error_count = :errorCount, message = :message, updated_at = :now,
                    content = CASE WHEN :keep THEN content ELSE '' END
                WHERE id = :id
                """)
            .param("id", id)
            .param("status", status.code())
            .param("saved", savedRows)
            .param("added", added)
            .param("alreadyThere", alreadyThere)
            .param("errors", JSON.writeValueAsString(errors.subList(0, Math.min(errors.size(), ImportJob.ERRORS_KEPT))))
            .param("errorCount", errorCount)
            .param("message", message.length() > 1000 ? message.substring(0, 999) + "…" : message)
            .param("keep", status == ImportJob.Status.REFUSED && errorCount > 0)
            .param("now", at(now))
            .update();
    }

    void requestCancel(long id, Instant now) {
        jdbc.sql("""
                UPDATE exchange_import_job SET status = 'cancelled', message = 'Cancelled: nothing was imported.',
                    content = '', updated_at = :now
                WHERE id = :id AND status = 'mapping'
                """)
            .param("id", id)
            .param("now", at(now))
            .update();
        jdbc.sql("""
                UPDATE exchange_import_job SET cancel_requested = TRUE
                WHERE id = :id AND status IN ('queued', 'checking', 'importing')
                """)
            .param("id", id)
            .update();
    }

    boolean cancelRequested(long id) {
        return jdbc.sql("SELECT cancel_requested FROM exchange_import_job WHERE id = :id")
            .param("id", id)
            .query(Boolean.class)
            .single();
    }

    Map<String, String> savedMapping(long team) {
        var mapping = new LinkedHashMap<String, String>();
        jdbc.sql("SELECT header, target FROM exchange_column_mapping WHERE team_id = :team ORDER BY header")
            .param("team", team)
            .query(rs -> {
                mapping.put(rs.getString("header"), rs.getString("target"));
            });
        return mapping;
    }

    /** Keeps the targets of these headers for the team's next file; other headers keep what they had. */
    void saveMapping(long team, Map<String, String> mapping) {
        mapping.forEach((header, target) -> {
            jdbc.sql("DELETE FROM exchange_column_mapping WHERE team_id = :team AND header = :header")
                .param("team", team)
                .param("header", header)
                .update();
            jdbc.sql("INSERT INTO exchange_column_mapping (team_id, header, target) VALUES (:team, :header, :target)")
                .param("team", team)
                .param("header", header)
                .param("target", target)
                .update();
        });
    }

    Map<String, Status> savedStatuses(long team) {
        var statuses = new LinkedHashMap<String, Status>();
        jdbc.sql("SELECT status_name, status FROM exchange_status_mapping WHERE team_id = :team ORDER BY status_name")
            .param("team", team)
            .query(rs -> {
                var name = rs.getString("status_name");
                Status.of(rs.getString("status")).ifPresent(status -> statuses.put(name, status));
            });
        return statuses;
    }

    /** Keeps where these statuses of another tool go for the team's next file; other statuses keep what they had. */
    void saveStatuses(long team, Map<String, Status> statuses) {
        statuses.forEach((name, status) -> {
            jdbc.sql("DELETE FROM exchange_status_mapping WHERE team_id = :team AND status_name = :name")
                .param("team", team)
                .param("name", name)
                .update();
            jdbc.sql("INSERT INTO exchange_status_mapping (team_id, status_name, status) VALUES (:team, :name, :status)")
                .param("team", team)
                .param("name", name)
                .param("status", status.code())
                .update();
        });
    }

    private static final String SELECT = """
            SELECT id, format, file_name, mapping, valid_rows_only, status, total_rows, saved_rows, added, already_there,
                error_count, errors, message, created_at, updated_at
            FROM exchange_import_job
            """;

    private static ImportJob job(ResultSet rs, String teamKey) throws SQLException {
        var errors = rs.getString("errors");
        return new ImportJob(rs.getLong("id"), teamKey, ImportFormat.of(rs.getString("format")).orElseThrow(),
                rs.getString("file_name"), mapping(rs.getString("mapping")), rs.getBoolean("valid_rows_only"),
                ImportJob.Status.of(rs.getString("status")).orElseThrow(), rs.getInt("total_rows"), rs.getInt("saved_rows"),
                rs.getInt("added"), rs.getInt("already_there"), rs.getInt("error_count"),
                errors == null ? List.of() : JSON.readValue(errors, new TypeReference<List<Reading.RowError>>() {
                }),
                rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static Map<String, String> mapping(String json) {
        return json == null ? null : JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
