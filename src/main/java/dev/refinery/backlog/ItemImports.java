package dev.refinery.backlog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.identity.Account;
import dev.refinery.identity.AccountId;

/**
 * Many items at once from another tool's file. {@link #check} finds every problem of every row against the
 * team's template without saving anything; {@link #add} checks them the same way and saves all the new items
 * in one transaction or none (a problem stops it before it writes, a cancel through {@link Progress} rolls it
 * back). Items whose external key the team
 * already has are left as they are, so importing a file twice adds nothing the second time. An item that is a
 * part of another ({@link ImportedItem#partOf}) is saved as split from it when the other is in the file or
 * already in the backlog.
 */
@Component
public class ItemImports {

    /** Rows per batch, and how often {@link Progress} hears about them. */
    static final int BATCH = 1000;


    private final BacklogItemRepository items;
    private final WorkstreamRepository workstreams;
    private final TemplateRepository templates;
    private final TeamAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ItemImports(BacklogItemRepository items, WorkstreamRepository workstreams, TemplateRepository templates,
            TeamAccess access, Clock clock, ApplicationEventPublisher events) {
        this.items = items;
        this.workstreams = workstreams;
        this.templates = templates;
        this.access = access;
        this.clock = clock;
        this.events = events;
    }

    /** A row that cannot become an item, and why. */
    public record Problem(int row, String reason) {
    }

    /**
     * What importing these items does: the rows with problems, how many items are new (saved, unless the rows
     * with problems stopped it), how many the team already has (by external key), and the workstreams created
     * for them.
     */
    public record Check(List<Problem> problems, int added, int alreadyThere, List<String> newWorkstreams) {

        public Check {
            problems = List.copyOf(problems);
            newWorkstreams = List.copyOf(newWorkstreams);
        }
    }

    /** Hears how many rows are saved so far; throwing from it stops the import and saves nothing. */
    @FunctionalInterface
    public interface Progress {
        void saved(int rows, int of);
    }

    /** With the workstreams the file names (a Jira export's epics), even those no item is in. */
    public Check check(String teamKey, List<ImportedItem> imported, List<String> workstreamNames, AccountId by) {
        var context = context(teamKey, by);
        return plan(context, imported, workstreamNames).check();
    }

    /**
     * Saves the new items among these in one transaction. When a row has a problem nothing is saved, unless the
     * person chose to leave such rows out ({@code leaveOutProblems}); the problems are reported either way. Also
     * creates the workstreams the file names (a Jira export's epics) even when no item is in them; a name the team
     * has, or one that is blank or too long, is passed over.
     */
    @Transactional
    public Check add(String teamKey, List<ImportedItem> imported, List<String> workstreamNames, boolean leaveOutProblems,
            String source, Account by, Progress progress) {
        var context = context(teamKey, by.id());
        var plan = plan(context, imported, workstreamNames);
        var check = plan.check();
        if (!check.problems().isEmpty() && !leaveOutProblems) {
            return check;
        }
        var now = clock.instant();
        for (var name : check.newWorkstreams()) {
            workstreams.insert(context.team(), name, "", now);
        }
        var withStreams = new BacklogItemRepository.Context(context.team(), context.teamKey(),
                workstreams.of(context.team()), context.template());
        var total = plan.fresh().size();
        progress.saved(0, total);
        if (total == 0) {
            return check;
        }
        var last = items.reserveNumbers(context.team(), total);
        var first = last - total + 1;
        for (int from = 0; from < total; from += BATCH) {
            var to = Math.min(total, from + BATCH);
            items.insertAll(withStreams, first + from, plan.fresh().subList(from, to), plan.contents().subList(from, to),
                    now, by.id().value(), by.displayName(), source);
            progress.saved(to, total);
        }
        // a part is linked once every item of the file is saved, as its whole may come after it in the file
        for (var item : plan.fresh()) {
            if (item.partOf() != null) {
                items.linkPart(context.team(), item.externalKey(), item.partOf());
            }
        }
        events.publishEvent(new BacklogItemsImported(context.team(), java.util.stream.IntStream.rangeClosed(first, last)
            .mapToObj(number -> new ItemKey(context.teamKey(), number)).toList()));
        return check;
    }

    /** The team's items that came from another tool, by the key that tool gave them ("jira:PAY-17"). */
    public java.util.Map<String, ItemKey> byExternalKey(String teamKey, AccountId viewer) {
        var membership = access.reader(teamKey, viewer);
        var team = membership.team();
        var keys = new java.util.HashMap<String, ItemKey>();
        items.externalKeys(team.id().value()).forEach((number, external) -> keys.put(external, new ItemKey(team.key().value(), number)));
        return keys;
    }

    private record Plan(List<Problem> problems, List<ImportedItem> fresh, List<ItemContent> contents, int alreadyThere,
            List<String> newWorkstreams) {

        Check check() {
            return new Check(problems, fresh.size(), alreadyThere, newWorkstreams);
        }
    }

    private Plan plan(BacklogItemRepository.Context context, List<ImportedItem> imported, List<String> workstreamNames) {
        var known = new HashSet<>(items.externalKeys(context.team()).values());
        var existing = context.workstreams().stream().map(Workstream::name).collect(Collectors.toSet());
        var created = new LinkedHashSet<String>();
        var streams = new HashSet<>(existing);
        for (var name : workstreamNames) {
            var stripped = name == null ? "" : name.strip();
            if (!stripped.isEmpty() && stripped.length() <= Workstream.NAME_MAX && !existing.contains(stripped)) {
                created.add(stripped);
                streams.add(stripped);
            }
        }
        var firstRowOfKey = new HashMap<String, Integer>();
        var problems = new ArrayList<Problem>();
        var fresh = new ArrayList<ImportedItem>();
        var contents = new ArrayList<ItemContent>();
        var alreadyThere = 0;
        for (var item : imported) {
            var content = item.content();
            var reasons = new ArrayList<String>();
            var key = item.externalKey().strip();
            if (key.isEmpty() || key.length() > ImportedItem.EXTERNAL_KEY_MAX) {
                reasons.add("its key must have 1 to " + ImportedItem.EXTERNAL_KEY_MAX + " characters");
            }
            var earlier = firstRowOfKey.putIfAbsent(key, item.row());
            if (earlier != null) {
                reasons.add("it has the same key " + key + " as row " + earlier);
            }
            var stream = content.workstream();
            if (stream != null && !existing.contains(stream)) {
                if (stream.length() > Workstream.NAME_MAX) {
                    reasons.add("a workstream name has at most " + Workstream.NAME_MAX + " characters");
                }
                else {
                    streams.add(stream);
                }
            }
            if (content.followUpOf() != null || content.splitFrom() != null) {
                reasons.add("links to other items are not imported");
            }
            ItemRules.problems(content, context.template(), streams)
                .forEach((field, problem) -> reasons.add(field + ": " + problem));
            if (!reasons.isEmpty()) {
                problems.add(new Problem(item.row(), String.join("; ", reasons)));
            }
            else if (known.contains(key)) {
                alreadyThere++;
            }
            else {
                fresh.add(item);
                contents.add(content);
                if (stream != null && !existing.contains(stream)) {
                    created.add(stream);
                }
            }
        }
        return new Plan(problems, fresh, contents, alreadyThere, List.copyOf(created));
    }

    private BacklogItemRepository.Context context(String teamKey, AccountId by) {
        var membership = access.writer(teamKey, by);
        var team = membership.team().id().value();
        return new BacklogItemRepository.Context(team, membership.team().key().value(), workstreams.of(team),
                templates.of(team));
    }
}
