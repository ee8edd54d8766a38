package dev.refinery.prioritization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItemSaved;
import dev.refinery.backlog.BacklogItemsImported;
import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemKey;
import dev.refinery.backlog.ItemView;
import dev.refinery.backlog.Status;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Role;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * Each team's backlog as a priority queue: every open item scored by the team's model, in bands, with pins
 * on top of the scores. A node keeps each team's ranked queue until the team's revision moves on (an item,
 * a pin or the model changed, on any node), so showing a page of a large backlog does not rank it again.
 */
@Component
public class PriorityQueues {

    public static final int PAGE_SIZE = 100;

    private record Cached(long revision, LocalDate day, ScoringModel model, List<Ranked> ranked) {
    }

    private final PrioritizationRepository repository;
    private final ScoringModels models;
    private final BacklogItems items;
    private final Teams teams;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    PriorityQueues(PrioritizationRepository repository, ScoringModels models, BacklogItems items, Teams teams, Clock clock,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.models = models;
        this.items = items;
        this.teams = teams;
        this.clock = clock;
        this.events = events;
    }

    /** One page of the queue, optionally of one workstream; positions are those in the whole queue. */
    public QueuePage page(String teamKey, String workstream, int page, AccountId viewer) {
        var ranked = ranked(teamKey, viewer);
        var lines = new ArrayList<Integer>();
        for (int i = 0; i < ranked.ranked().size(); i++) {
            if (workstream == null || workstream.isBlank() || workstream.equals(ranked.ranked().get(i).item().workstream())) {
                lines.add(i);
            }
        }
        var pages = Math.max(1, (lines.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        var shown = Math.min(Math.max(1, page), pages);
        var slice = lines.subList((shown - 1) * PAGE_SIZE, Math.min(lines.size(), shown * PAGE_SIZE));
        var ids = slice.stream().map(i -> ranked.ranked().get(i).item().id()).toList();
        var views = items.find(teamKey, ids, viewer);
        var risks = items.riskCounts(teamKey, ids, viewer);
        var entries = new ArrayList<QueueEntry>();
        for (int i = 0; i < slice.size(); i++) {
            var entry = ranked.ranked().get(slice.get(i));
            var view = views.stream().filter(v -> v.key().equals(entry.item().key())).findFirst().orElse(null);
            entries.add(entry(slice.get(i) + 1, entry, view, risks.getOrDefault(entry.item().id(), 0)));
        }
        return new QueuePage(ranked.model(), entries, lines.size(), shown, pages);
    }

    /** The whole queue in order, as ranked entries, for the matrix and the exports. */
    public List<Ranked> all(String teamKey, AccountId viewer) {
        return ranked(teamKey, viewer).ranked();
    }

    /**
     * The team's queue revision: it moves on, on every node, whenever an item, a pin or the model changes, so that
     * what is computed from the queue can be kept until then.
     */
    public long revision(String teamKey, AccountId viewer) {
        return repository.revision(teams.find(teamKey, viewer).team().id().value());
    }

    /** The value/effort matrix of the team's open items. */
    public Matrix matrix(String teamKey, AccountId viewer) {
        var ranked = ranked(teamKey, viewer);
        return Matrix.of(ranked.ranked(), ranked.model(), new Scorer(ranked.model(), ranked.day()));
    }

    /** Holds an item right above or below another; writes one row. */
    @Transactional
    public void pin(String teamKey, String itemKey, String anchorKey, Pin.Placement placement, AccountId by) {
        var team = writer(teamKey, by);
        var queue = ranked(teamKey, by).ranked();
        var item = inQueue(queue, itemKey, "item");
        var anchor = inQueue(queue, anchorKey, placement == Pin.Placement.ABOVE ? "above" : "below");
        if (item.equals(anchor)) {
            throw Rejected.invalid(placement == Pin.Placement.ABOVE ? "above" : "below", "An item cannot be pinned to itself.");
        }
        repository.pin(team, item.number(), anchor.number(), placement, clock.instant());
        repository.touch(team);
        events.publishEvent(new QueueChanged(team, teamKey, "pinned", item.toString()));
    }

    /** Returns a pinned item to its score's place. */
    @Transactional
    public void unpin(String teamKey, String itemKey, AccountId by) {
        var team = writer(teamKey, by);
        var key = ItemKey.parse(itemKey).filter(k -> k.team().equals(teamKey))
            .orElseThrow(() -> new NotFound("No item " + itemKey + " in " + teamKey + "."));
        if (!repository.unpin(team, key.number())) {
            throw new NotFound(itemKey + " is not pinned.");
        }
        repository.touch(team);
        events.publishEvent(new QueueChanged(team, teamKey, "unpinned", key.toString()));
    }

    /** Any change to an item may move it in the queue: every node ranks the team again on its next look. */
    @EventListener
    void on(BacklogItemSaved saved) {
        repository.touch(saved.team());
    }

    /** Imported or restored items arrive all at once: one new revision for all of them. */
    @EventListener
    void on(BacklogItemsImported imported) {
        repository.touch(imported.team());
    }

    private Cached ranked(String teamKey, AccountId viewer) {
        var team = teams.find(teamKey, viewer).team().id().value();
        var revision = repository.revision(team);
        var today = LocalDate.now(clock);
        var cached = cache.get(team);
        if (cached != null && cached.revision() == revision && cached.day().equals(today)) {
            return cached;
        }
        var model = models.model(team);
        var scorer = new Scorer(model, today);
        var scored = items.summaries(teamKey, viewer).stream()
            .filter(item -> item.status() != Status.DONE && item.status() != Status.REMOVED)
            .map(item -> new Ranked(item, scorer.score(item), null))
            .toList();
        var fresh = new Cached(revision, today, model, List.copyOf(Ranking.order(scored, repository.pins(team, teamKey))));
        cache.put(team, fresh);
        return fresh;
    }

    private long writer(String teamKey, AccountId by) {
        var membership = teams.find(teamKey, by);
        if (membership.role() == Role.OBSERVER) {
            throw new Forbidden("Observers see the queue but do not pin.");
        }
        return membership.team().id().value();
    }

    private static ItemKey inQueue(List<Ranked> queue, String key, String field) {
        return queue.stream().map(r -> r.item().key()).filter(k -> k.toString().equals(key)).findFirst()
            .orElseThrow(() -> Rejected.invalid(field, "There is no open item " + key + " in the queue."));
    }

    private static QueueEntry entry(int position, Ranked ranked, ItemView view, int risks) {
        var item = ranked.item();
        var score = ranked.score();
        return new QueueEntry(position, item.key(), item.title(), score.value(), score.terms(), score.explanation(),
                score.band(), ranked.pin() != null, score.missing(), item.status(), item.estimate(), item.deadline(),
                score.overdue(), item.workstream(), view == null ? null : view.readiness(), risks);
    }
}
