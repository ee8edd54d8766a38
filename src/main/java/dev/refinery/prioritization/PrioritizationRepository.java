package dev.refinery.prioritization;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.refinery.backlog.Importance;
import dev.refinery.backlog.ItemKey;

/** A team's scoring model, its pins, and the revision that tells every node when its queue is out of date. */
@Repository
class PrioritizationRepository {

    private final JdbcClient jdbc;

    PrioritizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScoringModel> model(long team) {
        return jdbc.sql("""
                SELECT model, formula, custom_inputs, days_per_point, deadline_urgency, horizon_days, version
                FROM prioritization_model
                WHERE team_id = :team
                """)
            .param("team", team)
            .query((rs, row) -> new ScoringModel(ModelKind.of(rs.getString("model")).orElseThrow(), rs.getString("formula"),
                    CustomInputs.parse(rs.getString("custom_inputs")).inputs(),
                    rs.getBigDecimal("days_per_point").stripTrailingZeros(), rs.getBoolean("deadline_urgency"),
                    rs.getInt("horizon_days"), rs.getInt("version")))
            .optional();
    }

    /** Saves the model over the version it was read at; false when somebody saved in between. */
    boolean save(long team, ScoringModel model) {
        if (model.version() == 0 && model(team).isEmpty()) {
            return jdbc.sql("""
                    INSERT INTO prioritization_model (team_id, model, formula, custom_inputs, days_per_point, deadline_urgency,
                        horizon_days, version)
                    VALUES (:team, :model, :formula, :inputs, :daysPerPoint, :urgency, :horizon, 1)
                    """)
                .params(parameters(team, model))
                .update() == 1;
        }
        return jdbc.sql("""
                UPDATE prioritization_model
                SET model = :model, formula = :formula, custom_inputs = :inputs, days_per_point = :daysPerPoint,
                    deadline_urgency = :urgency, horizon_days = :horizon, version = version + 1
                WHERE team_id = :team AND version = :version
                """)
            .params(parameters(team, model))
            .param("version", model.version())
            .update() == 1;
    }

    private static java.util.Map<String, Object> parameters(long team, ScoringModel model) {
        return java.util.Map.of("team", team, "model", model.kind().code(), "formula", model.formula(),
                "inputs", CustomInputs.format(model.customInputs()), "daysPerPoint", model.daysPerPoint(),
                "urgency", model.deadlineUrgency(), "horizon", model.horizonDays());
    }

    List<Pin> pins(long team, String teamKey) {
        return jdbc.sql("""
                SELECT item_number, anchor_number, placement, pinned_at
                FROM prioritization_pin
                WHERE team_id = :team
                ORDER BY pinned_at
                """)
            .param("team", team)
            .query((rs, row) -> new Pin(new ItemKey(teamKey, rs.getInt("item_number")),
                    new ItemKey(teamKey, rs.getInt("anchor_number")), Pin.Placement.valueOf(rs.getString("placement")),
                    rs.getObject("pinned_at", OffsetDateTime.class).toInstant()))
            .list();
    }

    /** Pins an item: one row, whatever the size of the backlog. */
    void pin(long team, int item, int anchor, Pin.Placement placement, Instant at) {
        unpin(team, item);
        jdbc.sql("""
                INSERT INTO prioritization_pin (team_id, item_number, anchor_number, placement, pinned_at)
                VALUES (:team, :item, :anchor, :placement, :at)
                """)
            .param("team", team)
            .param("item", item)
            .param("anchor", anchor)
            .param("placement", placement.name())
            .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .update();
    }

    boolean unpin(long team, int item) {
        return jdbc.sql("DELETE FROM prioritization_pin WHERE team_id = :team AND item_number = :item")
            .param("team", team)
            .param("item", item)
            .update() == 1;
    }

    long revision(long team) {
        return jdbc.sql("SELECT revision FROM prioritization_revision WHERE team_id = :team")
            .param("team", team)
            .query(Long.class)
            .optional()
            .orElse(0L);
    }

    /** Marks every node's queue of this team out of date; part of the transaction that changed it. */
    void touch(long team) {
        var updated = jdbc.sql("UPDATE prioritization_revision SET revision = revision + 1 WHERE team_id = :team")
            .param("team", team)
            .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO prioritization_revision (team_id, revision) VALUES (:team, 1)")
                .param("team", team)
                .update();
        }
    }

    /** Custom inputs are kept as lines of "name|label|min|max". */
    record CustomInputs(List<Importance> inputs) {

        static CustomInputs parse(String text) {
            if (text == null || text.isBlank()) {
                return new CustomInputs(List.of());
            }
            return new CustomInputs(text.lines().map(line -> line.split("\\|", -1))
                .map(parts -> new Importance(parts[0], parts[1], "", new BigDecimal(parts[2]), new BigDecimal(parts[3]), false))
                .toList());
        }

        static String format(List<Importance> inputs) {
            return String.join("\n", inputs.stream()
                .map(input -> input.name() + "|" + input.label() + "|" + input.min().toPlainString() + "|" + input.max().toPlainString())
                .toList());
        }
    }
}
