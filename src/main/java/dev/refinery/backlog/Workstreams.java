package dev.refinery.backlog;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.identity.AccountId;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/** The workstreams of a team: lines of work it refines separately. Names are unique in a team. */
@Component
public class Workstreams {

    private final WorkstreamRepository workstreams;
    private final TeamAccess access;
    private final Clock clock;

    Workstreams(WorkstreamRepository workstreams, TeamAccess access, Clock clock) {
        this.workstreams = workstreams;
        this.access = access;
        this.clock = clock;
    }

    public List<Workstream> of(String teamKey, AccountId viewer) {
        return workstreams.of(access.reader(teamKey, viewer).team().id().value());
    }

    @Transactional
    public Workstream create(String teamKey, String name, String description, AccountId by) {
        var team = access.writer(teamKey, by).team().id().value();
        var problems = Workstream.problems(name, description);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        var trimmed = name.strip();
        if (workstreams.of(team).stream().anyMatch(w -> w.name().equals(trimmed))) {
            throw Rejected.conflict("name", "There is a workstream " + trimmed + " already.");
        }
        try {
            workstreams.insert(team, trimmed, description == null ? "" : description.strip(), clock.instant());
        }
        catch (DuplicateKeyException raced) {
            throw Rejected.conflict("name", "There is a workstream " + trimmed + " already.");
        }
        return workstreams.of(team).stream().filter(w -> w.name().equals(trimmed)).findFirst().orElseThrow();
    }

    @Transactional
    public void archive(String teamKey, String name, boolean archived, AccountId by) {
        var team = access.writer(teamKey, by).team().id().value();
        if (!workstreams.archive(team, name, archived)) {
            throw new NotFound("No workstream " + name + " in " + teamKey + ".");
        }
    }
}
