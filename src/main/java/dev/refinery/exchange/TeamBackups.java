package dev.refinery.exchange;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogBackup;
import dev.refinery.estimation.EstimationBackup;
import dev.refinery.identity.Account;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.AuditKind;
import dev.refinery.identity.AuditLog;
import dev.refinery.identity.Teams;
import dev.refinery.prioritization.PrioritizationBackup;
import dev.refinery.shared.Coded;
import dev.refinery.shared.JsonPaths;
import dev.refinery.shared.Rejected;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups of whole teams and their restore. Each module backs up and restores its own tables; this composes
 * them. A restore goes into an empty team, all or nothing: a document that is not a backup, or that breaks
 * any rule anywhere, is refused with the path of every problem ({@code items[3].title}) and changes nothing.
 * Only a team's facilitators back it up or restore into it.
 */
@Component
public class TeamBackups {

    public static final int FORMAT_VERSION = 1;

    /** The fields of a backup that belong to the instance and team that wrote it, not to the team's work. */
    public static final List<String> INSTANCE_SPECIFIC = List.of("exportedAt", "team.key", "team.name", "items[].key");

    private static final int PROBLEMS_SHOWN = 100;

    /** What a restore brought into the team. */
    public record Restored(int items, int workstreams, int customFields, int pins) {

        @Override
        public String toString() {
            return items + (items == 1 ? " item, " : " items, ") + workstreams
                    + (workstreams == 1 ? " workstream, " : " workstreams, ") + customFields
                    + (customFields == 1 ? " custom field and " : " custom fields and ") + pins + (pins == 1 ? " pin" : " pins");
        }
    }

    private final BacklogBackup backlog;
    private final PrioritizationBackup prioritization;
    private final EstimationBackup estimation;
    private final Teams teams;
    private final JsonMapper reader;
    private final JsonMapper writer;
    private final Clock clock;
    private final AuditLog audit;

    TeamBackups(BacklogBackup backlog, PrioritizationBackup prioritization, EstimationBackup estimation, Teams teams,
            JsonMapper json, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.backlog = backlog;
        this.prioritization = prioritization;
        this.estimation = estimation;
        this.teams = teams;
        this.reader = json.rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A flag left out of a hand-made backup is off.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
        this.writer = json.rebuild()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
        this.clock = clock;
    }

    /** The whole team, in one transaction so that its parts agree. */
    @Transactional(readOnly = true)
    public TeamBackup backup(String teamKey, AccountId by) {
        var backlogPart = backlog.backup(teamKey, by);
        var team = teams.find(teamKey, by).team();
        var prioritizationPart = prioritization.backup(teamKey, by);
        audit.record(AuditKind.BACKUP_DOWNLOADED, "Team " + team.key().value());
        return new TeamBackup(FORMAT_VERSION, clock.instant(), INSTANCE_SPECIFIC,
                new TeamBackup.TeamPart(team.key().value(), team.name()), backlogPart.template(), backlogPart.workstreams(),
                backlogPart.items(), prioritizationPart.scoring(), prioritizationPart.pins(), estimation.backup(teamKey, by));
    }

    /** Restores a backup into an empty team; refused whole, and nothing changed, on any problem. */
    @Transactional
    public Restored restore(String teamKey, TeamBackup backup, Account by) {
        backlog.checkEmpty(teamKey, by.id());
        var numbers = backup.items().stream().filter(Objects::nonNull).map(BacklogBackup.ItemPart::number)
            .filter(Objects::nonNull).collect(Collectors.toSet());
        var problems = new LinkedHashMap<String, String>();
        problems.putAll(backlog.problems(backup.backlog()));
        problems.putAll(prioritization.problems(backup.prioritization(), numbers));
        problems.putAll(estimation.problems(backup.poker(), numbers));
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems.entrySet().stream().limit(PROBLEMS_SHOWN)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        }
        var items = backlog.restore(teamKey, backup.backlog(), by);
        prioritization.restore(teamKey, backup.prioritization(), by.id());
        estimation.restore(teamKey, backup.poker(), by.id());
        audit.record(AuditKind.BACKUP_RESTORED, "Team " + teamKey + ": " + items + " items");
        return new Restored(items, backup.workstreams().size(),
                backup.template() == null ? 0 : backup.template().customFields().size(), backup.pins().size());
    }

    /** The backup as the file people download: indented JSON, numbers written out in full. */
    String write(TeamBackup backup) {
        return writer.writeValueAsString(backup);
    }

    /** Reads a backup file; anything that is not a backup of a format this version knows is refused with where and why. */
    TeamBackup read(byte[] json) {
        if (json == null || json.length == 0) {
            throw Rejected.invalid("backup", "Choose a backup file (JSON, as Refinery downloads it) to restore.");
        }
        try {
            var tree = reader.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw Rejected.invalid("backup", "A backup is a JSON object with \"formatVersion\": " + FORMAT_VERSION + ".");
            }
            var version = tree.get("formatVersion");
            if (version == null || !version.isIntegralNumber() || version.asInt() != FORMAT_VERSION) {
                throw Rejected.invalid("formatVersion", "This Refinery restores backups of format version " + FORMAT_VERSION
                        + "; this file's is " + (version == null ? "missing" : version.toString()) + ".");
            }
            return reader.treeToValue(tree, TeamBackup.class);
        }
        catch (StreamReadException notJson) {
            var where = notJson.getLocation() == null ? "" : " (line " + notJson.getLocation().getLineNr() + ", column "
                    + notJson.getLocation().getColumnNr() + ")";
            throw Rejected.invalid("backup", "The file is not valid JSON" + where + ".");
        }
        catch (JacksonException wrong) {
            throw Rejected.invalid(path(wrong), message(wrong));
        }
    }

    private static String path(JacksonException wrong) {
        var field = JsonPaths.of(wrong);
        return field.isEmpty() ? "backup" : field;
    }

    private static String message(JacksonException wrong) {
        if (wrong instanceof UnrecognizedPropertyException unknown) {
            return "A backup has no field " + unknown.getPropertyName() + " here.";
        }
        if (wrong instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            var values = Arrays.stream(invalid.getTargetType().getEnumConstants())
                .map(value -> value instanceof Coded coded ? coded.code() : value.toString())
                .collect(Collectors.joining(", "));
            return "One of: " + values + ".";
        }
        if (wrong instanceof ValueInstantiationException instantiation && instantiation.getCause() instanceof IllegalArgumentException rule
                && rule.getMessage() != null) {
            return rule.getMessage() + ".";
        }
        return "This value is missing or has the wrong type or form.";
    }
}
