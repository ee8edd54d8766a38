package dev.refinery.exchange;

import java.time.Instant;
import java.util.List;

import dev.refinery.backlog.BacklogBackup;
import dev.refinery.estimation.EstimationBackup;
import dev.refinery.prioritization.PrioritizationBackup;

/**
 * A whole team as one JSON document, format version 1: the team, its template, workstreams and items (backlog),
 * its scoring model and pins (prioritization), its poker settings (estimation). {@code instanceSpecific} lists
 * the fields that belong to the instance that wrote the file rather than to the team's work.
 */
public record TeamBackup(Integer formatVersion, Instant exportedAt, List<String> instanceSpecific, TeamPart team,
        BacklogBackup.TemplatePart template, List<BacklogBackup.WorkstreamPart> workstreams,
        List<BacklogBackup.ItemPart> items, PrioritizationBackup.ScoringPart scoring,
        List<PrioritizationBackup.PinPart> pins, EstimationBackup.PokerPart poker) {

    public TeamBackup {
        instanceSpecific = instanceSpecific == null ? List.of() : instanceSpecific;
        workstreams = workstreams == null ? List.of() : workstreams;
        items = items == null ? List.of() : items;
        pins = pins == null ? List.of() : pins;
    }

    /** The team the backup was taken of; a restore keeps the target team's key and name. */
    public record TeamPart(String key, String name) {
    }

    BacklogBackup.Part backlog() {
        return new BacklogBackup.Part(template, workstreams, items);
    }

    PrioritizationBackup.Part prioritization() {
        return new PrioritizationBackup.Part(scoring, pins);
    }
}
