package dev.refinery.backlog;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TemplateRepository {

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Template of(long team) {
        var fields = jdbc.sql("""
                SELECT id, name, field_type, options, required_for_ready
                FROM backlog_custom_field
                WHERE team_id = :team
                ORDER BY position, id
                """)
            .param("team", team)
            .query((rs, row) -> new CustomField(rs.getLong("id"), rs.getString("name"),
                    CustomField.Type.of(rs.getString("field_type")).orElseThrow(),
                    options(rs.getString("options")), rs.getBoolean("required_for_ready")))
            .list();
        record Row(String sections, int version) {
        }
        var row = jdbc.sql("SELECT ready_sections, version FROM backlog_template WHERE team_id = :team")
            .param("team", team)
            .query((rs, n) -> new Row(rs.getString("ready_sections"), rs.getInt("version")))
            .optional();
        var inputs = jdbc.sql("""
                SELECT name, label, hint, min_value, max_value, whole
                FROM backlog_importance_input
                WHERE team_id = :team
                ORDER BY position
                """)
            .param("team", team)
            .query((rs, n) -> new Importance(rs.getString("name"), rs.getString("label"), rs.getString("hint"),
                    rs.getBigDecimal("min_value").stripTrailingZeros(), rs.getBigDecimal("max_value").stripTrailingZeros(),
                    rs.getBoolean("whole")))
            .list();
        var importance = inputs.isEmpty() ? Importance.DEFAULT : inputs;
        return row.map(r -> new Template(fields, importance, sections(r.sections()), r.version()))
            .orElseGet(() -> new Template(fields, importance, Template.DEFAULT_READY, 0));
    }

    /** Saves the Definition of Ready; false when the template changed since {@code version}. */
    boolean saveReady(long team, java.util.Set<Section> sections, int version) {
        var text = sections.stream().map(Section::code).sorted().collect(Collectors.joining(","));
        if (version == 0) {
            var exists = jdbc.sql("SELECT COUNT(*) FROM backlog_template WHERE team_id = :team")
                .param("team", team).query(Long.class).single() > 0;
            if (!exists) {
                jdbc.sql("INSERT INTO backlog_template (team_id, ready_sections, version) VALUES (:team, :sections, 1)")
                    .param("team", team).param("sections", text).update();
                return true;
            }
        }
        return jdbc.sql("""
                UPDATE backlog_template
                SET ready_sections = :sections, version = version + 1
                WHERE team_id = :team AND version = :version
                """)
            .param("sections", text)
            .param("team", team)
            .param("version", version)
            .update() == 1;
    }

    /** Replaces the custom fields, keeping the ids (and so the values) of fields that keep their name. */
    void saveFields(long team, List<CustomField> fields) {
        var existing = of(team).customFields();
        for (var old : existing) {
            if (fields.stream().noneMatch(field -> field.name().equals(old.name()))) {
                jdbc.sql("DELETE FROM backlog_item_field_value WHERE field_id = :id").param("id", old.id()).update();
                jdbc.sql("DELETE FROM backlog_custom_field WHERE id = :id").param("id", old.id()).update();
            }
        }
        for (int position = 0; position < fields.size(); position++) {
            var field = fields.get(position);
            var kept = existing.stream().filter(old -> old.name().equals(field.name())).findFirst();
            var statement = kept.isPresent()
                    ? jdbc.sql("""
                            UPDATE backlog_custom_field
                            SET position = :position, field_type = :type, options = :options, required_for_ready = :required
                            WHERE id = :id
                            """).param("id", kept.get().id())
                    : jdbc.sql("""
                            INSERT INTO backlog_custom_field (team_id, position, name, field_type, options, required_for_ready)
                            VALUES (:team, :position, :name, :type, :options, :required)
                            """).param("team", team).param("name", field.name());
            statement.param("position", position)
                .param("type", field.type().code())
                .param("options", String.join("\n", field.options()))
                .param("required", field.requiredForReady())
                .update();
        }
    }

    void saveImportance(long team, List<Importance> inputs) {
        jdbc.sql("DELETE FROM backlog_importance_input WHERE team_id = :team").param("team", team).update();
        for (int position = 0; position < inputs.size(); position++) {
            var input = inputs.get(position);
            jdbc.sql("""
                    INSERT INTO backlog_importance_input (team_id, position, name, label, hint, min_value, max_value, whole)
                    VALUES (:team, :position, :name, :label, :hint, :min, :max, :whole)
                    """)
                .param("team", team)
                .param("position", position)
                .param("name", input.name())
                .param("label", input.label())
                .param("hint", input.hint())
                .param("min", input.min())
                .param("max", input.max())
                .param("whole", input.whole())
                .update();
        }
    }

    private static List<String> options(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }

    private static java.util.Set<Section> sections(String text) {
        var sections = EnumSet.noneOf(Section.class);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(Section::of).flatMap(Optional::stream).forEach(sections::add);
        }
        return sections;
    }
}
