package dev.refinery.exchange;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.refinery.backlog.ItemImports;
import dev.refinery.backlog.TeamTemplates;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.Membership;
import dev.refinery.identity.Role;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * Imports of files into a team's backlog. A job reads its file, checks every row, and either refuses the
 * whole file (naming the rows and why) or saves every new item in one transaction, in the background on the
 * node that took the file; its progress and outcome live in the database, so any node shows them and a
 * cancel from anywhere stops it with nothing saved. Rows with problems are only left out when the person
 * asks for exactly that ({@link #importValidRows}).
 */
@Component
public class ImportJobs {

    static final int MAX_BYTES = 50 * 1024 * 1024;
    static final int PREVIEW_ROWS = 5;

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportJobRepository jobs;
    private final ItemImports items;
    private final TeamTemplates templates;
    private final Teams teams;
    private final Accounts accounts;
    private final TaskExecutor executor;
    private final TransactionTemplate apart;
    private final MeterRegistry meters;
    private final Clock clock;

    ImportJobs(ImportJobRepository jobs, ItemImports items, TeamTemplates templates, Teams teams, Accounts accounts,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, PlatformTransactionManager transactions,
            MeterRegistry meters, Clock clock) {
        this.jobs = jobs;
        this.items = items;
        this.templates = templates;
        this.teams = teams;
        this.accounts = accounts;
        this.executor = executor;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
        this.clock = clock;
    }

    /** A CSV file's first rows, its columns and where each goes: what the person saw on the mapping step. */
    public record Preview(List<String> headers, List<List<String>> rows, Map<String, String> mapping, List<ColumnTarget> targets) {
    }

    /**
     * Takes a file. A CSV without a mapping waits for one ({@code mapping} status), and so does a Jira or GitHub
     * file when the person asks for its {@code preview} first; anything else starts at once. An unknown format, an
     * empty or unreadable file, or a mapping that does not fit is refused here, before anything runs.
     */
    ImportJob upload(String teamKey, String format, String fileName, byte[] bytes, Map<String, String> mapping,
            boolean validRowsOnly, boolean preview, AccountId by) {
        var membership = importer(teamKey, by);
        var kind = ImportFormat.of(format == null ? "" : format).orElseThrow(() ->
                Rejected.invalid("format", "Choose the kind of file: csv, jira-csv or github-json."));
        var text = text(bytes);
        var name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        if (kind == ImportFormat.CSV) {
            var columns = preview(membership, text, by);
            if (mapping == null) {
                var id = insert(membership, kind, name, text, null, validRowsOnly, ImportJob.Status.MAPPING, by);
                return job(membership, id);
            }
            check(columns, mapping);
        }
        else if (preview) {
            layout(kind, text, ImportChoices.DEFAULT);
            return job(membership, insert(membership, kind, name, text, null, validRowsOnly, ImportJob.Status.MAPPING, by));
        }
        var id = insert(membership, kind, name, text, kind == ImportFormat.CSV ? mapping : null, validRowsOnly,
                ImportJob.Status.QUEUED, by);
        if (kind == ImportFormat.CSV) {
            jobs.saveMapping(membership.team().id().value(), mapping);
        }
        start(id, membership);
        return job(membership, id);
    }

    Preview preview(String teamKey, long id, AccountId viewer) {
        var membership = importer(teamKey, viewer);
        var work = waiting(membership, id);
        if (work.format() != ImportFormat.CSV) {
            throw Rejected.conflict("mapping", "Only a CSV file has columns to map; this file has a preview of its issues.");
        }
        return preview(membership, work.content(), viewer);
    }

    /**
     * What a Jira or GitHub file waiting for its start will give with these choices (as a form sends them), or
     * without any with the team's last choices for its statuses; nothing is saved.
     */
    FilePreview filePreview(String teamKey, long id, Map<String, String> chosen, AccountId viewer) {
        var membership = importer(teamKey, viewer);
        var work = waiting(membership, id);
        if (work.format() == ImportFormat.CSV) {
            throw Rejected.conflict("mapping", "A CSV file has its columns mapped, not a preview of issues.");
        }
        try {
            var choices = chosen == null ? ImportChoices.DEFAULT.withStatuses(jobs.savedStatuses(work.team()))
                    : ImportChoices.of(chosen);
            var reading = read(work.format(), work.content(), work.mapping(), choices);
            var check = items.check(teamKey, reading.items(), reading.workstreams(), viewer);
            return FilePreview.of(reading, check, layout(work.format(), work.content(), choices), choices);
        }
        catch (IllegalArgumentException unreadable) {
            throw Rejected.invalid("file", unreadable.getMessage());
        }
    }

    /**
     * Starts an import that waited: a CSV with this mapping of its columns, kept for the team's next file; a Jira or
     * GitHub file with these choices (as a form sends them), its statuses' mapping kept for the team's next file.
     */
    ImportJob map(String teamKey, long id, Map<String, String> mapping, AccountId by) {
        var membership = importer(teamKey, by);
        var work = waiting(membership, id);
        var team = membership.team().id().value();
        if (work.format() == ImportFormat.CSV) {
            check(preview(membership, work.content(), by), mapping);
            jobs.saveMapping(team, mapping);
            jobs.map(id, mapping, clock.instant());
        }
        else {
            var choices = ImportChoices.of(mapping);
            jobs.saveStatuses(team, choices.statuses());
            jobs.map(id, choices.toMap(), clock.instant());
        }
        start(id, membership);
        return job(membership, id);
    }

    private ImportJobRepository.Work waiting(Membership membership, long id) {
        var job = job(membership, id);
        if (job.status() != ImportJob.Status.MAPPING) {
            throw Rejected.conflict("mapping", "This import has already started.");
        }
        return jobs.work(id).orElseThrow();
    }


    /** After a refusal, imports the rows without problems of the same file, when the person asks for that. */
    ImportJob importValidRows(String teamKey, long id, AccountId by) {
        var membership = importer(teamKey, by);
        var job = job(membership, id);
        if (!job.canImportValidRows()) {
            throw Rejected.conflict("validRows", "Only a refused import with some valid rows can import those rows.");
        }
        var work = jobs.work(id).orElseThrow();
        var next = insert(membership, job.format(), job.fileName(), work.content(), work.mapping(), true,
                ImportJob.Status.QUEUED, by);
        start(next, membership);
        return job(membership, next);
    }

    ImportJob find(String teamKey, long id, AccountId viewer) {
        return job(teams.find(teamKey, viewer), id);
    }

    List<ImportJob> recent(String teamKey, AccountId viewer) {
        var membership = teams.find(teamKey, viewer);
        var now = clock.instant();
        return jobs.recent(membership.team().id().value(), membership.team().key().value(), 10).stream()
            .map(job -> job.seenAt(now)).toList();
    }

    /** Stops an import; whatever it saved so far is rolled back. */
    ImportJob cancel(String teamKey, long id, AccountId by) {
        var membership = importer(teamKey, by);
        job(membership, id);
        jobs.requestCancel(id, clock.instant());
        return job(membership, id);
    }

    private void start(long id, Membership membership) {
        var teamKey = membership.team().key().value();
        executor.execute(() -> run(id, teamKey));
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /**
     * Runs a job with its team and id on every log line, and times it by format and outcome: a climbing share of
     * {@code failed} or long {@code done} imports is what an operator looks into.
     */
    private void run(long id, String teamKey) {
        try (var team = MDC.putCloseable("team", teamKey); var job = MDC.putCloseable("importJob", Long.toString(id))) {
            var work = jobs.work(id).orElseThrow();
            var started = Timer.start(meters);
            var outcome = importFile(id, teamKey, work);
            var took = started.stop(meters.timer("refinery.imports", "format", work.format().code(),
                    "outcome", outcome.name().toLowerCase(Locale.ROOT)));
            log.info("Import {} ({}) finished: {} in {} ms", id, work.format().code(), outcome.name().toLowerCase(Locale.ROOT),
                    took / 1_000_000);
        }
    }

    private ImportJob.Status importFile(long id, String teamKey, ImportJobRepository.Work work) {
        try {
            var choices = work.mapping() == null && work.format() != ImportFormat.CSV
                    ? ImportChoices.DEFAULT.withStatuses(jobs.savedStatuses(work.team())) : null;
            var reading = read(work.format(), work.content(), work.mapping(), choices);
            // reading a large file takes seconds: a cancel asked for meanwhile stops it before the check, not after
            if (jobs.cancelRequested(id)) {
                throw new Cancelled();
            }
            var total = reading.items().size() + reading.errors().size();
            jobs.checking(id, total, clock.instant());
            var by = accounts.find(new AccountId(work.by())).orElseThrow();
            var leaveOut = work.validRowsOnly();
            // rows the reader could not read stop the import before anything is saved, as the others' problems do
            var imported = reading.errors().isEmpty() || leaveOut
                    ? items.add(teamKey, reading.items(), reading.workstreams(), leaveOut, work.format().code(), by, (saved, of) ->
                            apart.executeWithoutResult(status -> {
                                if (jobs.cancelRequested(id)) {
                                    throw new Cancelled();
                                }
                                jobs.importing(id, saved + total - of, clock.instant());
                            }))
                    : items.check(teamKey, reading.items(), reading.workstreams(), by.id());
            var errors = new ArrayList<>(reading.errors());
            imported.problems().forEach(problem -> errors.add(new Reading.RowError(problem.row(), problem.reason())));
            errors.sort(Comparator.comparingInt(Reading.RowError::row));
            if (!errors.isEmpty() && !leaveOut) {
                jobs.finish(id, ImportJob.Status.REFUSED, 0, 0, 0, errors, errors.size(), refusal(errors.size(), total),
                        clock.instant());
                return ImportJob.Status.REFUSED;
            }
            jobs.finish(id, ImportJob.Status.DONE, total, imported.added(), imported.alreadyThere(), errors, errors.size(),
                    done(imported, errors.size(), reading.notes()), clock.instant());
            return ImportJob.Status.DONE;
        }
        catch (Cancelled cancelled) {
            jobs.finish(id, ImportJob.Status.CANCELLED, 0, 0, 0, List.of(), 0, "Cancelled: nothing was imported.",
                    clock.instant());
            return ImportJob.Status.CANCELLED;
        }
        catch (IllegalArgumentException | Rejected unreadable) {
            jobs.finish(id, ImportJob.Status.REFUSED, 0, 0, 0, List.of(), 0, unreadable.getMessage(), clock.instant());
            return ImportJob.Status.REFUSED;
        }
        catch (RuntimeException failure) {
            log.error("Import {} failed", id, failure);
            jobs.finish(id, ImportJob.Status.FAILED, 0, 0, 0, List.of(), 0,
                    "The import failed on the server: nothing was imported. Try again, or tell your administrator.",
                    clock.instant());
            return ImportJob.Status.FAILED;
        }
    }

    /**
     * Reads a file: a CSV by its column mapping, a Jira or GitHub file by the choices given, else by those its job
     * keeps in place of a mapping.
     */
    private static Reading read(ImportFormat format, String content, Map<String, String> mapping, ImportChoices choices) {
        return switch (format) {
            case CSV -> CsvItems.read(content, mapping);
            case JIRA_CSV -> JiraCsvItems.read(content, choices != null ? choices : ImportChoices.of(mapping));
            case GITHUB_JSON -> GithubIssues.read(content, choices != null ? choices : ImportChoices.of(mapping));
        };
    }

    /** @throws Rejected when the file cannot be read as this format */
    private static FileLayout layout(ImportFormat format, String content, ImportChoices choices) {
        try {
            return switch (format) {
                case CSV -> throw new IllegalStateException("a CSV file is read by its column mapping");
                case JIRA_CSV -> JiraCsvItems.layout(content, choices);
                case GITHUB_JSON -> GithubIssues.layout(content, choices);
            };
        }
        catch (IllegalArgumentException unreadable) {
            throw Rejected.invalid("file", unreadable.getMessage());
        }
    }

    private static String refusal(int problems, int total) {
        return (problems == 1 ? "1 row has a problem" : "%,d rows have problems".formatted(problems))
                + " (of %,d): nothing was imported.".formatted(total);
    }

    private static String done(ItemImports.Check added, int leftOut, List<String> notes) {
        var message = new StringBuilder(added.added() == 1 ? "1 item imported" : "%,d items imported".formatted(added.added()));
        if (added.alreadyThere() > 0) {
            message.append("; %,d already in the backlog, left as they are".formatted(added.alreadyThere()));
        }
        if (leftOut > 0) {
            message.append("; %,d rows with problems left out".formatted(leftOut));
        }
        if (!added.newWorkstreams().isEmpty()) {
            message.append("; new workstreams: ").append(String.join(", ", added.newWorkstreams()));
        }
        notes.forEach(note -> message.append("; ").append(note));
        return message.append('.').toString();
    }

    private Preview preview(Membership membership, String text, AccountId viewer) {
        try {
            var preview = CsvItems.preview(text, PREVIEW_ROWS);
            var mapping = new LinkedHashMap<String, String>(CsvItems.suggest(preview.headers()));
            var saved = jobs.savedMapping(membership.team().id().value());
            var targets = ColumnTarget.of(templates.of(membership.team().key().value(), viewer));
            var codes = targets.stream().map(ColumnTarget::code).collect(Collectors.toSet());
            for (var header : preview.headers()) {
                var target = saved.get(header);
                if (target != null && codes.contains(target)) {
                    mapping.put(header, target);
                }
                mapping.putIfAbsent(header, ColumnTarget.IGNORE);
            }
            return new Preview(preview.headers(), preview.rows(), mapping, targets);
        }
        catch (IllegalArgumentException unreadable) {
            throw Rejected.invalid("file", unreadable.getMessage());
        }
    }

    /** The targets must be the team's; the rest (a title, one column per single field) is the reader's rule. */
    private static void check(Preview preview, Map<String, String> mapping) {
        var codes = preview.targets().stream().map(ColumnTarget::code).collect(Collectors.toSet());
        var problems = new LinkedHashMap<String, String>();
        mapping.forEach((header, target) -> {
            if (header == null || header.length() > 200) {
                problems.put("mapping", "A column header has at most 200 characters.");
            }
            else if (target == null || !codes.contains(target)) {
                problems.put("mapping." + header, "Choose where the column " + header + " goes.");
            }
        });
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        try {
            CsvItems.check(preview.headers(), mapping);
        }
        catch (IllegalArgumentException misfit) {
            throw Rejected.invalid("mapping", misfit.getMessage());
        }
    }

    private long insert(Membership membership, ImportFormat format, String name, String text, Map<String, String> mapping,
            boolean validRowsOnly, ImportJob.Status status, AccountId by) {
        return jobs.insert(membership.team().id().value(), format, name, text, mapping, validRowsOnly, status, by.value(),
                clock.instant());
    }

    private ImportJob job(Membership membership, long id) {
        return jobs.find(membership.team().id().value(), membership.team().key().value(), id)
            .orElseThrow(() -> new NotFound("No import " + id + " in " + membership.team().key() + "."))
            .seenAt(clock.instant());
    }

    private Membership importer(String teamKey, AccountId by) {
        var membership = teams.find(teamKey, by);
        if (membership.role() == Role.OBSERVER) {
            throw new Forbidden("Observers read the backlog but do not import into it.");
        }
        return membership;
    }

    private static String text(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw Rejected.invalid("file", "Choose a file: this one is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw Rejected.invalid("file", "A file has at most 50 MB.");
        }
        try {
            var text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return CsvDialect.withoutBom(text);
        }
        catch (CharacterCodingException notUtf8) {
            throw Rejected.invalid("file", "Save the file as UTF-8 (in a spreadsheet: CSV UTF-8) and try again.");
        }
    }
}
