package dev.refinery.backlog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.identity.Account;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Membership;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * A team's backlog items. Every change is checked whole (bounds, workstream, custom fields, readiness for
 * {@code ready}) before anything is saved, is made against the version its author saw, and is recorded in
 * the item's history field by field. Observers read; other members change.
 */
@Component
public class BacklogItems {

    private static final ItemContent NOTHING = ItemContent.titled("");

    private final BacklogItemRepository items;
    private final WorkstreamRepository workstreams;
    private final TemplateRepository templates;
    private final TeamAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BacklogItems(BacklogItemRepository items, WorkstreamRepository workstreams, TemplateRepository templates,
            TeamAccess access, Clock clock, ApplicationEventPublisher events) {
        this.items = items;
        this.workstreams = workstreams;
        this.templates = templates;
        this.access = access;
        this.clock = clock;
        this.events = events;
    }

    public ItemView find(String teamKey, String itemKey, AccountId viewer) {
        var context = context(access.reader(teamKey, viewer));
        return view(context, item(context, itemKey));
    }

    public BacklogPage list(String teamKey, BacklogFilter filter, AccountId viewer) {
        var context = context(access.reader(teamKey, viewer));
        var matching = items.all(context).stream().map(item -> view(context, item)).filter(filter::matches).toList();
        var pages = Math.max(1, (matching.size() + BacklogFilter.PAGE_SIZE - 1) / BacklogFilter.PAGE_SIZE);
        var page = Math.min(filter.page(), pages);
        var from = (page - 1) * BacklogFilter.PAGE_SIZE;
        return new BacklogPage(matching.subList(from, Math.min(matching.size(), from + BacklogFilter.PAGE_SIZE)),
                matching.size(), page, pages);
    }

    /** The labels in use in a team, for filters and suggestions. */
    /**
     * The words and estimates of every item saved at or after an instant, in every team, oldest change first: for
     * the similar-items index of each node, which checks who may see them when it answers. No access check here.
     */
    public List<ItemWords> wordsSince(java.time.Instant since) {
        return items.wordsSince(since);
    }

    /** The words and estimates of a team's items, or of one of them ({@code number} null for all). No access check here. */
    public List<ItemWords> wordsOf(long team, Integer number) {
        return items.wordsOf(team, number);
    }

    /** A few items of a team by number (the numbers naming no item left out). No access check here: the caller has checked. */
    public List<ItemBrief> briefs(long team, String teamKey, java.util.Collection<Integer> numbers) {
        return items.briefs(team, teamKey, numbers);
    }

    /** Every item of the team as ranking needs it, in one pass over the backlog. */
    public List<ItemSummary> summaries(String teamKey, AccountId viewer) {
        return items.summaries(context(access.reader(teamKey, viewer)));
    }

    /** The team's items with these ids (from {@link #summaries}), with their readiness, in the order given. */
    public List<ItemView> find(String teamKey, List<BacklogItemId> ids, AccountId viewer) {
        var context = context(access.reader(teamKey, viewer));
        return items.find(context, ids).stream().map(item -> view(context, item)).toList();
    }

    /** The team's items that reached done, oldest first, with their done time and actual effort. */
    public List<Delivery> deliveries(String teamKey, AccountId viewer) {
        return items.deliveries(context(access.reader(teamKey, viewer)));
    }

    public List<String> labels(String teamKey, AccountId viewer) {
        var context = context(access.reader(teamKey, viewer));
        return items.all(context).stream().flatMap(item -> item.content().labels().stream()).distinct().sorted().toList();
    }

    public List<HistoryLine> history(String teamKey, String itemKey, AccountId viewer) {
        var context = context(access.reader(teamKey, viewer));
        var now = clock.instant();
        return items.history(item(context, itemKey).id(), 0).stream().map(entry -> HistoryLine.of(entry, now)).toList();
    }

    public Related related(String teamKey, String itemKey, AccountId viewer) {
        var context = context(access.reader(teamKey, viewer));
        return items.related(context, item(context, itemKey).id());
    }

    /** How many risks each of these items carries (items without any are left out). */
    public Map<BacklogItemId, Integer> riskCounts(String teamKey, List<BacklogItemId> ids, AccountId viewer) {
        access.reader(teamKey, viewer);
        var counts = new java.util.HashMap<BacklogItemId, Integer>();
        items.riskCounts(ids).forEach((id, count) -> counts.put(new BacklogItemId(id), count));
        return counts;
    }

    public List<Risk> risks(String teamKey, String itemKey, AccountId viewer) {
        var context = context(access.reader(teamKey, viewer));
        return items.risks(item(context, itemKey).id());
    }

    /** Keeps a risk on an item, such as why an estimate was an outlier; it shows on the item and its history. */
    @Transactional
    public Risk raise(String teamKey, String itemKey, String text, Account author) {
        var context = context(access.writer(teamKey, author.id()));
        var item = item(context, itemKey);
        var trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 1000) {
            throw Rejected.invalid("text", "Say in one line (up to 1,000 characters) what the risk is.");
        }
        var now = clock.instant();
        items.raise(item.id(), trimmed, author.displayName(), now);
        items.record(item.id(), item.version(), now, author.id().value(), author.displayName(),
                List.of(new ItemContent.Change("risk", null, trimmed)));
        events.publishEvent(new BacklogItemSaved(context.team(), item.key()));
        return new Risk(trimmed, author.displayName(), now);
    }

    public List<HistoryEntry> changes(String teamKey, String itemKey, AccountId viewer) {
        var context = context(access.reader(teamKey, viewer));
        return items.history(item(context, itemKey).id(), 0);
    }

    /** Creates an item from a title and whatever else the patch carries; it starts as a draft. */
    @Transactional
    public ItemView create(String teamKey, ItemPatch patch, Account author) {
        var context = context(access.writer(teamKey, author.id()));
        var content = patch.applyTo(NOTHING);
        check(context, content, null, null);
        var created = items.insert(context, items.nextNumber(context.team()), content, clock.instant());
        items.record(created.id(), created.version(), created.updatedAt(), author.id().value(), author.displayName(),
                NOTHING.changesTo(content));
        events.publishEvent(new BacklogItemSaved(context.team(), created.key(), true));
        return view(context, created);
    }

    /**
     * Applies a patch to the item as it was at {@code seenVersion}. If it has changed since, nothing is saved
     * and {@link StaleItem} says what changed in between.
     */
    @Transactional(noRollbackFor = StaleItem.class)
    public ItemView edit(String teamKey, String itemKey, int seenVersion, ItemPatch patch, Account author) {
        var context = context(access.writer(teamKey, author.id()));
        var item = item(context, itemKey);
        if (item.version() != seenVersion) {
            throw stale(context, item, seenVersion);
        }
        var content = patch.applyTo(item.content());
        check(context, content, item.content(), item.key());
        var changes = item.content().changesTo(content);
        if (changes.isEmpty()) {
            return view(context, item);
        }
        var saved = items.update(context, item, content, clock.instant())
            .orElseThrow(() -> stale(context, item(context, itemKey), seenVersion));
        items.record(saved.id(), saved.version(), saved.updatedAt(), author.id().value(), author.displayName(), changes);
        events.publishEvent(new BacklogItemSaved(context.team(), saved.key()));
        return view(context, saved);
    }

    /** A new item that follows up on this one, for what a question in refinement turned up. */
    @Transactional
    public ItemView followUp(String teamKey, String itemKey, String title, Account author) {
        var parent = find(teamKey, itemKey, author.id());
        return create(teamKey, ItemPatch.empty().title(title).workstream(parent.content().workstream())
            .followUpOf(parent.key()), author);
    }

    /**
     * Splits an item into several, each linked to it by {@code splitFrom} and in its workstream. The parent
     * is kept, or marked removed, as the author chooses; all or nothing.
     */
    @Transactional
    public List<ItemView> split(String teamKey, String itemKey, int seenVersion, List<String> titles, boolean removeParent,
            Account author) {
        var parent = find(teamKey, itemKey, author.id());
        var named = titles.stream().map(String::strip).filter(title -> !title.isEmpty()).toList();
        if (named.size() < 2 || named.size() > 20) {
            throw Rejected.invalid("titles", "Split into 2 to 20 items: one title per line.");
        }
        var problems = new LinkedHashMap<String, String>();
        for (int i = 0; i < named.size(); i++) {
            if (named.get(i).length() > ItemContent.TITLE_MAX) {
                problems.put("titles[" + i + "]", ItemRules.titleTooLong());
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (removeParent) {
            edit(teamKey, itemKey, seenVersion, ItemPatch.empty().status(Status.REMOVED), author);
        }
        else if (parent.item().version() != seenVersion) {
            var context = context(access.writer(teamKey, author.id()));
            throw stale(context, parent.item(), seenVersion);
        }
        var children = new ArrayList<ItemView>();
        for (var title : named) {
            children.add(create(teamKey, ItemPatch.empty().title(title).workstream(parent.content().workstream())
                .splitFrom(parent.key()), author));
        }
        return children;
    }

    private void check(BacklogItemRepository.Context context, ItemContent content, ItemContent before, ItemKey self) {
        var names = context.workstreams().stream().map(Workstream::name).collect(Collectors.toSet());
        var problems = new LinkedHashMap<>(ItemRules.problems(content, before, context.template(), names));
        relation(context, "followUpOf", content.followUpOf(), self, problems);
        relation(context, "splitFrom", content.splitFrom(), self, problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
    }

    private void relation(BacklogItemRepository.Context context, String field, ItemKey key, ItemKey self,
            Map<String, String> problems) {
        if (key == null) {
            return;
        }
        if (!key.team().equals(context.teamKey()) || items.idOf(context.team(), key.number()).isEmpty()) {
            problems.put(field, "There is no item " + key + " in this team.");
        }
        else if (key.equals(self)) {
            problems.put(field, "An item cannot point to itself.");
        }
    }

    private StaleItem stale(BacklogItemRepository.Context context, BacklogItem current, int seenVersion) {
        return new StaleItem(view(context, current), items.history(current.id(), seenVersion));
    }

    private BacklogItem item(BacklogItemRepository.Context context, String itemKey) {
        return ItemKey.parse(itemKey)
            .filter(key -> key.team().equals(context.teamKey()))
            .flatMap(key -> items.find(context, key.number()))
            .orElseThrow(() -> new NotFound("No item " + itemKey + " in " + context.teamKey() + "."));
    }

    private BacklogItemRepository.Context context(Membership membership) {
        var team = membership.team().id().value();
        return new BacklogItemRepository.Context(team, membership.team().key().value(), workstreams.of(team),
                templates.of(team));
    }

    private static ItemView view(BacklogItemRepository.Context context, BacklogItem item) {
        return new ItemView(item, Readiness.check(item.content(), context.template()));
    }
}
