package dev.refinery.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each team's iteration length, first start and time zone; a team without a row has the standard ones. */
@Repository
class IterationSettingRepository {

    private final JdbcClient jdbc;

    IterationSettingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Iterations> find(long team) {
        return jdbc.sql("""
                SELECT length_weeks, first_start, time_zone, version
                FROM reporting_iteration_setting
                WHERE team_id = :team
                """)
            .param("team", team)
            .query((rs, n) -> new Iterations(rs.getInt("length_weeks"), rs.getObject("first_start", LocalDate.class),
                    ZoneId.of(rs.getString("time_zone")), rs.getInt("version")))
            .optional();
    }

    /** Saves over the version read (0: none saved yet); false when somebody else saved in between. */
    boolean save(long team, Iterations iterations) {
        if (iterations.version() == 0) {
            var taken = jdbc.sql("SELECT COUNT(*) FROM reporting_iteration_setting WHERE team_id = :team")
                .param("team", team).query(Integer.class).single() > 0;
            if (taken) {
                return false;
            }
            return jdbc.sql("""
                    INSERT INTO reporting_iteration_setting (team_id, length_weeks, first_start, time_zone, version)
                    VALUES (:team, :weeks, :start, :zone, 1)
                    """)
                .param("team", team)
                .param("weeks", iterations.lengthWeeks())
                .param("start", iterations.firstStart())
                .param("zone", iterations.zone().getId())
                .update() == 1;
        }
        return jdbc.sql("""
                UPDATE reporting_iteration_setting
                SET length_weeks = :weeks, first_start = :start, time_zone = :zone, version = version + 1
                WHERE team_id = :team AND version = :version
                """)
            .param("team", team)
            .param("weeks", iterations.lengthWeeks())
            .param("start", iterations.firstStart())
            .param("zone", iterations.zone().getId())
            .param("version", iterations.version())
            .update() == 1;
    }
}
