package dev.refinery.exchange;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import dev.refinery.identity.AccountId;
import dev.refinery.identity.Teams;
import dev.refinery.prioritization.PriorityQueues;
import dev.refinery.shared.Download;
import dev.refinery.shared.Rejected;
import tools.jackson.databind.json.JsonMapper;

/** The files a team downloads, named after the team and the day: {@code PAY-queue-2026-11-27.csv}. */
@Component
class Exports {

    private final PriorityQueues queues;
    private final TeamBackups backups;
    private final Teams teams;
    private final JsonMapper json;
    private final Clock clock;

    Exports(PriorityQueues queues, TeamBackups backups, Teams teams, JsonMapper json, Clock clock) {
        this.queues = queues;
        this.backups = backups;
        this.teams = teams;
        this.json = json;
        this.clock = clock;
    }

    /** The whole queue in rank order; any member may download it. */
    Download queue(String teamKey, String format, AccountId viewer) {
        var team = teams.find(teamKey, viewer).team();
        var chosen = QueueExport.Format.of(format == null ? "" : format)
            .orElseThrow(() -> Rejected.invalid("format", "Choose a format: csv, md or json."));
        var lines = QueueExport.lines(queues.all(teamKey, viewer));
        var day = LocalDate.now(clock);
        var content = switch (chosen) {
            case CSV -> QueueExport.csv(lines);
            case MARKDOWN -> QueueExport.markdown(team.name(), day, lines);
            case JSON -> json.writeValueAsString(lines);
        };
        return new Download(fileName(team.key().value(), "queue", chosen.code()), chosen.mediaType(), content);
    }

    /** The whole team as one JSON document; facilitators only. */
    Download backup(String teamKey, AccountId by) {
        var backup = backups.backup(teamKey, by);
        return new Download(fileName(backup.team().key(), "backup", "json"), "application/json", backups.write(backup));
    }

    private String fileName(String teamKey, String what, String extension) {
        return teamKey + "-" + what + "-" + LocalDate.now(clock) + "." + extension;
    }
}
