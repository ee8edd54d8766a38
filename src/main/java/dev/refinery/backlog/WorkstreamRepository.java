package dev.refinery.backlog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WorkstreamRepository {

    private final JdbcClient jdbc;

    WorkstreamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Workstream> of(long team) {
        return jdbc.sql("""
                SELECT id, name, description, archived
                FROM backlog_workstream
                WHERE team_id = :team
                ORDER BY archived, name
                """)
            .param("team", team)
            .query((rs, row) -> new Workstream(new WorkstreamId(rs.getLong("id")), rs.getString("name"),
                    rs.getString("description"), rs.getBoolean("archived")))
            .list();
    }

    void insert(long team, String name, String description, Instant now) {
        jdbc.sql("""
                INSERT INTO backlog_workstream (team_id, name, description, archived, created_at)
                VALUES (:team, :name, :description, FALSE, :createdAt)
                """)
            .param("team", team)
            .param("name", name)
            .param("description", description)
            .param("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .update();
    }

    boolean archive(long team, String name, boolean archived) {
        return jdbc.sql("""
                UPDATE backlog_workstream
                SET archived = :archived, version = version + 1
                WHERE team_id = :team AND name = :name
                """)
            .param("archived", archived)
            .param("team", team)
            .param("name", name)
            .update() == 1;
    }
}
