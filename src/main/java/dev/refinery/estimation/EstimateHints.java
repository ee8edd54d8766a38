package dev.refinery.estimation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.refinery.backlog.BacklogItemSaved;
import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemBrief;
import dev.refinery.backlog.BacklogItemsImported;
import dev.refinery.backlog.ItemKey;
import dev.refinery.backlog.ItemWords;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Teams;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * Estimation help: the team's most similar estimated items and a suggested estimate, given only once the item's
 * round is revealed (or the item is estimated already): before that nothing of it leaves the server. Each node keeps
 * its own index, rebuilt from the database in the background at start, brought up to date after each commit on this
 * node and, for the others' changes, every second. While the index is built, a team asked about is indexed first: by
 * the request itself when the build has not come to it, or the request waits for the build to finish that team.
 */
@Component
public class EstimateHints {

    /** Similar items shown with a revealed round. */
    public static final int SHOWN = 5;

    /** Saves stamped this long before the newest one seen are read again: a transaction may commit after a later one. */
    private static final Duration OVERLAP = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(EstimateHints.class);

    /** An item found similar, as the pages and the API show it; {@code actualDays} is null when nobody recorded it. */
    public record SimilarItem(ItemKey key, String title, BigDecimal estimate, String unit, BigDecimal actualDays) {
    }

    /** What a revealed round shows beside the cards; {@code suggestion} is null when the team turned it off. */
    public record Hints(List<SimilarItem> similar, Suggestion suggestion) {
    }

    /** How long a request waits for the build to finish its team before it answers from what is indexed so far. */
    private static final Duration TEAM_WAIT = Duration.ofSeconds(10);

    private final SimilarItems index = new SimilarItems();
    private final BacklogItems items;
    private final Teams teams;
    private final EstimationRepository repository;
    private final Executor builder;
    /** The teams indexed since the start, or being indexed, by the build or by a request that came first. */
    private final Map<Long, CompletableFuture<Void>> indexed = new ConcurrentHashMap<>();
    private volatile Instant newest;

    @Autowired
    EstimateHints(BacklogItems items, Teams teams, EstimationRepository repository) {
        this(items, teams, repository, build -> Thread.ofPlatform().daemon().name("similar-items-index").start(build));
    }

    EstimateHints(BacklogItems items, Teams teams, EstimationRepository repository, Executor builder) {
        this.items = items;
        this.teams = teams;
        this.repository = repository;
        this.builder = builder;
    }

    /**
     * The hints of an item for a member of its team, once its latest round is revealed, or it has an estimate and
     * no round; empty before. The team's scale needs no reveal: see {@link PokerRounds#scale}.
     */
    public Optional<Hints> afterReveal(String teamKey, String itemKey, AccountId viewer) {
        var team = teams.find(teamKey, viewer).team().id();
        var key = ItemKey.parse(itemKey).filter(found -> found.team().equals(teamKey))
            .orElseThrow(() -> new NotFound("No item " + itemKey + " in " + teamKey + "."));
        var item = items.find(teamKey, itemKey, viewer).content();
        var text = String.join("\n", item.description() == null ? "" : item.description(),
                item.technicalNotes() == null ? "" : item.technicalNotes(),
                String.join("\n", item.acceptanceCriteria().stream().map(criterion -> criterion.text()).toList()));
        return hints(team.value(), key, item.title(), text, item.estimate());
    }

    /**
     * The hints of a meeting's current item for its guests, who have no membership to check (the meeting module has
     * checked their link): the same as members see, once the round is revealed; empty before.
     */
    public Optional<Hints> atMeeting(String teamKey, int itemNumber) {
        var team = teams.team(teamKey).orElseThrow(() -> new NotFound("No team " + teamKey + ".")).id();
        var item = items.wordsOf(team.value(), itemNumber).stream().findFirst()
            .orElseThrow(() -> new NotFound("No item " + teamKey + "-" + itemNumber + "."));
        return hints(team.value(), new ItemKey(teamKey, itemNumber), item.title(), item.text(), item.estimate());
    }

    private Optional<Hints> hints(long team, ItemKey key, String title, String text, Estimate estimate) {
        var latest = repository.latest(team, key);
        // a re-vote of an estimated item is hidden until its own reveal
        var shown = latest.isPresent() ? latest.get().revealed() : estimate != null && estimate.agreed();
        if (!shown) {
            return Optional.empty();
        }
        indexed(team);
        var settings = repository.settings(team).orElse(PokerSettings.DEFAULT);
        var deck = settings.deck();
        var found = index.like(team, title, text, Integer.toString(key.number()),
                Math.max(SHOWN, Suggestion.Blend.DEFAULT.similar()));
        var shownHits = found.stream().limit(SHOWN).toList();
        var actual = items.briefs(team, key.team(), shownHits.stream().map(hit -> Integer.parseInt(hit.key())).toList()).stream()
            .filter(brief -> brief.actualDays() != null)
            .collect(Collectors.toMap(brief -> brief.key().number(), ItemBrief::actualDays));
        var similar = shownHits.stream()
            .map(hit -> new SimilarItem(new ItemKey(key.team(), Integer.parseInt(hit.key())), hit.title(), hit.value(),
                    deck.unit().symbol(), actual.get(Integer.parseInt(hit.key()))))
            .toList();
        if (!settings.suggest()) {
            return Optional.of(new Hints(similar, null));
        }
        var history = index.tally(team);
        if (estimate != null && estimate.agreed()) {
            // the item's own estimate is no evidence for itself
            history = history.without(estimate.value());
        }
        var cards = deck.cards().stream().filter(Card::estimates).map(Card::value).distinct().sorted().toList();
        return Optional.of(new Hints(similar, Suggestion.of(found, history, cards, Suggestion.Blend.DEFAULT)));
    }

    /** The hints, or a conflict the caller can show: "not before the reveal". */
    public Hints revealed(String teamKey, String itemKey, AccountId viewer) {
        return afterReveal(teamKey, itemKey, viewer).orElseThrow(() -> Rejected.conflict("item",
                "Similar items and the suggestion are shown once the cards are revealed, so that they anchor nobody."));
    }

    /** Whether the index has been built since the start: until then similar items are those indexed so far. */
    public boolean ready() {
        return newest != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuild() {
        // the start is not delayed by the index: pages answer while it is built
        builder.execute(() -> {
            var started = System.nanoTime();
            build();
            log.info("Indexed {} estimated items for similar items in {} ms", index.size(), (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** Reads every item once and indexes them team by team, but for the teams a request indexed first. */
    synchronized void build() {
        var words = items.wordsSince(Instant.EPOCH);
        var byTeam = new LinkedHashMap<Long, List<ItemWords>>();
        words.forEach(item -> byTeam.computeIfAbsent(item.team(), team -> new ArrayList<>()).add(item));
        byTeam.forEach((team, its) -> index(team, () -> its));
        index.compact();
        newest = words.stream().map(ItemWords::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        // requests no longer look at which teams are indexed
        indexed.clear();
    }

    /** Makes sure the team is in the index before it is asked about, however far the build is. */
    private void indexed(long team) {
        if (ready()) {
            return;
        }
        try {
            index(team, () -> items.wordsOf(team, null)).get(TEAM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            log.warn("Similar items of team {} are still being indexed: answering from those indexed so far", team);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("The similar items of team " + team + " could not be indexed", e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Indexes a team's items unless the build or a request did or does it already; done when the team is. */
    private CompletableFuture<Void> index(long team, Supplier<List<ItemWords>> words) {
        var mine = new CompletableFuture<Void>();
        var claimed = indexed.putIfAbsent(team, mine);
        if (claimed != null) {
            return claimed;
        }
        try {
            keep(words.get());
            mine.complete(null);
        }
        catch (RuntimeException e) {
            indexed.remove(team, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        return mine;
    }

    @Scheduled(fixedDelayString = "${refinery.estimation.index-poll:PT1S}")
    void poll() {
        if (ready()) {
            catchUp();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void saved(BacklogItemSaved saved) {
        keep(items.wordsOf(saved.team(), saved.key().number()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void imported(BacklogItemsImported imported) {
        keep(items.wordsOf(imported.team(), null));
    }

    /** Reads what was saved since the newest change seen into the index, once it is built. */
    synchronized void catchUp() {
        if (newest == null) {
            build();
            return;
        }
        var since = newest.minus(OVERLAP);
        var words = items.wordsSince(since);
        keep(words);
        var latest = words.stream().map(ItemWords::updatedAt).max(Instant::compareTo).orElse(since);
        newest = newest == null || latest.isAfter(newest) ? latest : newest;
    }

    private void keep(List<ItemWords> words) {
        var estimated = new ArrayList<EstimatedItem>();
        for (var item : words) {
            var key = Integer.toString(item.number());
            if (item.estimate() != null && item.estimate().agreed()) {
                estimated.add(new EstimatedItem(item.team(), key, item.title(), item.text(), item.estimate().value(),
                        item.updatedAt().toEpochMilli()));
            }
            else if (index.holds(item.team(), key)) {
                index.drop(item.team(), key);
            }
        }
        if (!estimated.isEmpty()) {
            index.keepAll(estimated);
        }
    }
}
