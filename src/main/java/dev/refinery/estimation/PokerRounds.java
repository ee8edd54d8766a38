package dev.refinery.estimation;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemKey;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.identity.Account;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Membership;
import dev.refinery.identity.Role;
import dev.refinery.identity.TeamId;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.MeetingTables;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Presence;
import dev.refinery.shared.Rejected;
import dev.refinery.shared.VotingWindows;

/**
 * Planning poker on a team's items. Votes stay on the server until the reveal: nothing this class returns
 * before it holds another voter's card. The facilitator opens, reveals and agrees; facilitators and
 * engineers vote (product managers when the team says so); observers watch. An agreed card becomes the
 * item's estimate, with its history, and {@link EstimateAgreed} is published.
 */
@Component
public class PokerRounds {

    private final EstimationRepository repository;
    private final BacklogItems items;
    private final Teams teams;
    private final Presence presence;
    private final PokerBroadcast broadcast;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<VotingWindows> windows;
    private volatile List<VotingWindows> votingWindows;
    private final ObjectProvider<MeetingTables> tables;
    private final PokerMeters meters;
    private final ReferenceStories references;
    private final Clock clock;

    PokerRounds(EstimationRepository repository, BacklogItems items, Teams teams, Presence presence,
            PokerBroadcast broadcast, ApplicationEventPublisher events, ObjectProvider<VotingWindows> windows,
            ObjectProvider<MeetingTables> tables, PokerMeters meters, ReferenceStories references, Clock clock) {
        this.repository = repository;
        this.items = items;
        this.teams = teams;
        this.presence = presence;
        this.broadcast = broadcast;
        this.events = events;
        this.windows = windows;
        this.tables = tables;
        this.meters = meters;
        this.references = references;
        this.clock = clock;
    }

    public PokerSettings settings(String teamKey, AccountId viewer) {
        return settings(teams.find(teamKey, viewer).team().id());
    }

    /**
     * Saves the team's settings (facilitators), their reference stories checked against the deck and the team's items
     * (see {@link ReferenceStories#checked}).
     */
    @Transactional
    public PokerSettings save(String teamKey, PokerSettings settings, AccountId by) {
        return save(teamKey, () -> settings, by);
    }

    /** The same, with settings read from what the caller sent only once it is known to be a facilitator's. */
    @Transactional
    PokerSettings save(String teamKey, java.util.function.Supplier<PokerSettings> sent, AccountId by) {
        var team = facilitator(teamKey, by).team().id();
        var settings = sent.get();
        var problems = problems(settings);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (!repository.save(team.value(), references.checked(team.value(), teamKey, settings))) {
            throw Rejected.conflict("version", "Somebody changed the poker settings since you opened them: reload and try again.");
        }
        return settings(team);
    }

    /** The team's scale with its reference stories, for a member: it shows at any time, before a reveal too. */
    public Scale scale(String teamKey, AccountId viewer) {
        var team = teams.find(teamKey, viewer).team().id();
        return references.scale(team.value(), teamKey, settings(team));
    }

    /** The team's scale for a meeting's guests, who have no membership to check: the meeting module has checked their link. */
    public Scale meetingScale(String teamKey) {
        var team = teams.team(teamKey).orElseThrow(() -> new NotFound("No team " + teamKey + ".")).id();
        return references.scale(team.value(), teamKey, settings(team));
    }

    /** What is wrong with a deck's numbers, by field; empty when the settings can be saved. */
    static Map<String, String> problems(PokerSettings settings) {
        // a card's number becomes the item's estimate when the team agrees on it
        var estimates = settings.numbers().stream().allMatch(n -> n.signum() >= 0
                && n.multiply(java.math.BigDecimal.TWO).stripTrailingZeros().scale() <= 0 && n.compareTo(java.math.BigDecimal.valueOf(999)) <= 0);
        if (settings.kind() == Deck.Kind.CUSTOM && (settings.numbers().size() < 2 || settings.numbers().size() > 20 || !estimates
                || !settings.numbers().equals(settings.numbers().stream().sorted().distinct().toList()))) {
            return Map.of("numbers", "A custom deck has 2 to 20 different numbers from 0 to 999 in steps of 0.5, smallest first.");
        }
        if (settings.kind() == Deck.Kind.TSHIRT && (settings.numbers().size() != Deck.TSHIRT_SIZES.size() || !estimates)) {
            return Map.of("numbers", "Give the points of each size, XS to XXL: six numbers from 0 to 999 in steps of 0.5.");
        }
        return Map.of();
    }

    /** The latest round of an item, if any. */
    public Optional<Round> current(String teamKey, String itemKey, AccountId viewer) {
        var team = teams.find(teamKey, viewer).team().id();
        return repository.latest(team.value(), key(teamKey, itemKey)).map(this::hidden);
    }

    /** Every round of an item, newest first; earlier rounds stay as they were. */
    public List<Round> rounds(String teamKey, String itemKey, AccountId viewer) {
        var team = teams.find(teamKey, viewer).team().id();
        return repository.rounds(team.value(), key(teamKey, itemKey)).stream().map(this::hidden).toList();
    }

    public Round round(String teamKey, String itemKey, long round, AccountId viewer) {
        var team = teams.find(teamKey, viewer).team().id();
        return hidden(round(team, itemKey, round));
    }

    /**
     * One person's part in an item's latest round, read at once: their membership, the team's poker settings, the
     * round (other cards hidden until the reveal), their own card, and whether they have said why they were an outlier.
     */
    record Holding(Membership membership, PokerSettings settings, Optional<Round> round, Card mine, boolean explained,
            long readAt) {
    }

    Holding holding(String teamKey, String itemKey, AccountId viewer) {
        var readAt = System.currentTimeMillis();
        var membership = teams.find(teamKey, viewer);
        var team = membership.team().id();
        var latest = repository.latest(team.value(), key(teamKey, itemKey));
        var mine = latest.flatMap(round -> round.voteOf(viewer.value())).map(Vote::card).orElse(null);
        // reasons are only asked for once the cards are shown
        var explained = explained(latest).contains(viewer.value());
        return new Holding(membership, settings(team), latest.map(this::hidden), mine, explained, readAt);
    }

    public PokerBoard board(String teamKey, String itemKey, AccountId viewer) {
        var membership = teams.find(teamKey, viewer);
        return board(membership.team().id(), key(teamKey, itemKey));
    }

    /** Opens a round on an item (a re-vote when there was one: the earlier round is kept). */
    @Transactional
    public Round open(String teamKey, String itemKey, Account by) {
        var membership = facilitator(teamKey, by.id());
        var item = items.find(teamKey, itemKey, by.id()).key();
        var team = membership.team().id();
        var id = repository.open(team.value(), item, settings(team).deck(), by.displayName(), clock.instant());
        broadcast.board(board(team, item));
        return hidden(repository.round(team.value(), id).orElseThrow());
    }

    /**
     * A voter picks a card, or changes it, until the reveal. Everyone hears of it after the commit: the count and
     * the voter's tick, or the whole table when this vote revealed the round.
     */
    @Transactional
    public void cast(String teamKey, String itemKey, long roundId, String face, Account by) {
        var membership = teams.find(teamKey, by.id());
        var team = membership.team().id();
        var settings = settings(team);
        var round = locked(team, itemKey, roundId);
        if (!votes(membership.role(), settings)) {
            throw new Forbidden(membership.role() == Role.OBSERVER ? "Observers watch; they do not vote."
                    : "Product managers sit out in this team; a facilitator can change that.");
        }
        place(team, settings, round, by.id().value(), by.displayName(), face);
    }

    /**
     * A guest of a meeting votes as a member does, while the item is the meeting's current one and their seat lasts
     * (the link not revoked, the team letting guests vote). Their vote is kept under their seat's negative id.
     */
    @Transactional
    public void castAsGuest(String teamKey, String itemKey, long roundId, String face, long guest) {
        var team = teams.team(teamKey).orElseThrow(() -> new NotFound("No team " + teamKey + ".")).id();
        var round = locked(team, itemKey, roundId);
        var name = table(round.item()).map(table -> table.guests().get(guest))
            .orElseThrow(() -> new Forbidden("You have no seat at this table: guests vote on the meeting's current item, "
                    + "while their link is active and the team lets guests vote."));
        place(team, settings(team), round, guest, name, face);
    }

    private void place(TeamId team, PokerSettings settings, Round round, long voter, String name, String face) {
        for (var window : windows()) {
            window.closed(team.value(), round.item().number()).ifPresent(reason -> {
                throw Rejected.conflict("card", reason);
            });
        }
        var card = round.deck().card(face == null ? "" : face.strip())
            .orElseThrow(() -> Rejected.invalid("card", "Pick a card of the deck: " + String.join(", ",
                    round.deck().hand().stream().map(Card::face).toList()) + "."));
        var vote = new Vote(voter, name, card);
        var cast = round.cast(vote);
        repository.vote(round.id(), vote, clock.instant());
        meters.voted();
        // a round open for votes is its item's latest, and nobody has explained anything in it yet
        var board = board(team, round.item(), settings, Optional.of(cast), Set.of());
        if (settings.autoReveal() && everyPresentVoterVoted(board)) {
            repository.move(round.id(), Round.Status.VOTING, Round.Status.REVEALED, null);
            meters.revealed(PokerMeters.Trigger.ALL_VOTED);
            broadcast.board(board(team, round.item()));
        }
        else {
            broadcast.vote(board, voter);
        }
    }

    /** The table of an item goes out whole again: who sits at it changed (a guest's link revoked, say). */
    @Transactional(readOnly = true)
    public void republish(String teamKey, int itemNumber) {
        teams.team(teamKey).ifPresent(team -> broadcast.board(board(team.id(), new ItemKey(teamKey, itemNumber))));
    }

    /** One member's hand on an item's latest round; its forms post to {@code url}. */
    public PokerHand hand(String teamKey, String itemKey, AccountId viewer, String url, String error) {
        return hand(holding(teamKey, itemKey, viewer), viewer.value(), url, error);
    }

    /** A guest's hand at a meeting's table: their own card only, never another's before the reveal. */
    public PokerHand guestHand(String teamKey, String itemKey, long guest, String url, String error) {
        var readAt = System.currentTimeMillis();
        var team = teams.team(teamKey).orElseThrow(() -> new NotFound("No team " + teamKey + ".")).id();
        var item = key(teamKey, itemKey);
        var latest = repository.latest(team.value(), item);
        var seated = table(item).map(table -> table.guests().containsKey(guest)).orElse(false);
        if (latest.isEmpty()) {
            return PokerHand.none(url, false, error, readAt);
        }
        var round = latest.get();
        var mine = round.voteOf(guest).map(Vote::card).orElse(null);
        return new PokerHand(url, round.id(), seated, round.status() == Round.Status.VOTING, round.deck().hand(), mine, false,
                false, round.status() == Round.Status.REVEALED, null, round.deck().cards(), error, readAt);
    }

    /** A member's hand from what was read of their part in the round. */
    PokerHand hand(Holding holding, long viewer, String url, String error) {
        var membership = holding.membership();
        if (holding.round().isEmpty()) {
            return PokerHand.none(url, membership.facilitator(), error, holding.readAt());
        }
        var round = holding.round().get();
        var statistics = round.revealed() ? round.statistics() : null;
        var outlier = statistics != null && statistics.outliers().stream().anyMatch(v -> v.voter() == viewer);
        return new PokerHand(url, round.id(), votes(membership.role(), holding.settings()),
                round.status() == Round.Status.VOTING, round.deck().hand(), holding.mine(), outlier && !holding.explained(),
                membership.facilitator(), round.status() == Round.Status.REVEALED,
                statistics == null ? null : statistics.suggested(), round.deck().cards(), error, holding.readAt());
    }

    @Transactional
    public void reveal(String teamKey, String itemKey, long roundId, AccountId by) {
        var team = facilitator(teamKey, by).team().id();
        var round = locked(team, itemKey, roundId);
        if (!repository.move(roundId, Round.Status.VOTING, Round.Status.REVEALED, null)) {
            throw Rejected.conflict("round", "This round is not open for votes any more.");
        }
        meters.revealed(PokerMeters.Trigger.FACILITATOR);
        broadcast.board(board(team, round.item()));
    }

    /**
     * Agrees on a card: its value becomes the item's estimate (a T-shirt size its points), recorded in the
     * item's history, and the round is done.
     */
    @Transactional
    public Estimate agree(String teamKey, String itemKey, long roundId, String face, Account by) {
        var team = facilitator(teamKey, by.id()).team().id();
        var round = locked(team, itemKey, roundId);
        if (round.status() != Round.Status.REVEALED) {
            throw Rejected.conflict("card", round.status() == Round.Status.VOTING ? "Reveal the cards before agreeing."
                    : "This round is over: start a re-vote to estimate again.");
        }
        var card = round.deck().card(face == null ? "" : face.strip()).filter(Card::estimates)
            .orElseThrow(() -> Rejected.invalid("card", "Agree on a card with a number: " + String.join(", ",
                    round.deck().cards().stream().map(Card::face).toList()) + "."));
        var estimate = Estimate.of(card.value(), round.deck().unit());
        var item = items.find(teamKey, itemKey, by.id());
        items.edit(teamKey, itemKey, item.item().version(), ItemPatch.empty().estimate(estimate), by);
        repository.move(roundId, Round.Status.REVEALED, Round.Status.AGREED, card.face());
        events.publishEvent(new EstimateAgreed(team.value(), round.item(), roundId, estimate));
        broadcast.board(board(team, round.item()));
        return estimate;
    }

    /**
     * Keeps a voter's reason on the item as a risk: an outlier's "why 13?" becomes "Ana: 13 - the payment
     * provider has no sandbox". Outliers of the round say it once; facilitators may add one of their own.
     */
    @Transactional
    public void explain(String teamKey, String itemKey, long roundId, String text, Account by) {
        var membership = teams.find(teamKey, by.id());
        var team = membership.team().id();
        var round = round(team, itemKey, roundId);
        if (!membership.facilitator() && !votes(membership.role(), settings(team))) {
            throw new Forbidden("Only the outliers of a round, or a facilitator, add its risks.");
        }
        if (!round.revealed()) {
            throw Rejected.conflict("text", "Reasons are asked for once the cards are revealed.");
        }
        var outlier = round.statistics().outliers().stream().filter(vote -> vote.voter() == by.id().value()).findFirst();
        if (outlier.isEmpty() && !membership.facilitator()) {
            throw new Forbidden("Only the outliers of a round, or a facilitator, add its risks.");
        }
        var reason = text == null ? "" : text.strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw Rejected.invalid("text", "Say why in one line (up to 500 characters).");
        }
        if (outlier.isPresent()) {
            if (repository.explainedBy(roundId).contains(by.id().value())) {
                throw Rejected.conflict("text", "You have said why already.");
            }
            repository.explained(roundId, by.id().value());
        }
        items.raise(teamKey, itemKey, outlier.map(vote -> vote.card().face() + " - ").orElse("") + reason, by);
        broadcast.board(board(team, round.item()));
    }

    /**
     * Somebody came or went: the seats of those who did show it, and a round whose present voters have all voted
     * reveals (then the whole table goes out).
     */
    @Transactional
    public void seatsChanged(String teamKey, int itemNumber, Set<Long> accounts) {
        var team = teams.team(teamKey).orElse(null);
        if (team == null) {
            return;
        }
        var item = new ItemKey(teamKey, itemNumber);
        var settings = settings(team.id());
        var latest = repository.latest(team.id().value(), item);
        var open = latest.filter(round -> round.status() == Round.Status.VOTING);
        if (open.isPresent() && settings.autoReveal()) {
            // under the round's lock, a vote still being cast has committed or waits: neither misses the other
            repository.lock(open.get().id());
            latest = repository.latest(team.id().value(), item);
        }
        var board = board(team.id(), item, settings, latest, explained(latest));
        if (board.open() && settings.autoReveal() && everyPresentVoterVoted(board)
                && board.seats().stream().anyMatch(seat -> seat.voter() && seat.present())) {
            if (repository.move(board.round(), Round.Status.VOTING, Round.Status.REVEALED, null)) {
                meters.revealed(PokerMeters.Trigger.ALL_VOTED);
            }
            broadcast.board(board(team.id(), item));
            return;
        }
        if (accounts.stream().anyMatch(account -> account < 0)) {
            // a guest's seat is on the table only while they are there: the table goes out whole
            broadcast.board(board);
            return;
        }
        broadcast.seats(board, accounts);
    }

    /**
     * The table of a meeting's current item as everyone there sees it (no card before the reveal), for the meeting's
     * guests, who have no membership to check: the meeting module has checked their link.
     */
    @Transactional(readOnly = true)
    public PokerBoard meetingBoard(String teamKey, int itemNumber) {
        var team = teams.team(teamKey).orElseThrow(() -> new NotFound("No team " + teamKey + "."));
        return board(team.id(), new ItemKey(teamKey, itemNumber));
    }

    /** The board of an item, for a room that (re)connects; the caller has checked access. */
    PokerBoard board(TeamId team, ItemKey item) {
        var latest = repository.latest(team.value(), item);
        return board(team, item, settings(team), latest, explained(latest));
    }

    /** Who has said why they were an outlier: only ever asked once the cards are shown. */
    private Set<Long> explained(Optional<Round> latest) {
        return latest.filter(Round::revealed).map(round -> repository.explainedBy(round.id())).orElse(Set.of());
    }

    /** The board from its latest round as read: cards on it only once that round is revealed. */
    private PokerBoard board(TeamId team, ItemKey item, PokerSettings settings, Optional<Round> latest,
            Set<Long> explained) {
        var table = table(item);
        var present = new HashSet<>(presence.present(PokerBroadcast.room(item)));
        table.ifPresent(meeting -> present.addAll(presence.present(meeting.room())));
        var statistics = latest.filter(Round::revealed).map(Round::statistics).orElse(null);
        var outliers = new HashSet<Long>();
        if (statistics != null) {
            statistics.outliers().forEach(vote -> outliers.add(vote.voter()));
        }
        var revealed = latest.map(Round::revealed).orElse(false);
        var members = teams.roster(team).stream().map(member -> seat(member.account().value(), member.displayName(),
                member.role(), votes(member.role(), settings), present, latest, revealed, outliers, explained));
        var guests = table.map(meeting -> meeting.guests().entrySet().stream()).orElse(java.util.stream.Stream.empty())
            .map(guest -> seat(guest.getKey(), guest.getValue(), null, true, present, latest, revealed, outliers, explained));
        var seats = java.util.stream.Stream.concat(members, guests)
            .sorted(java.util.Comparator.comparing((Seat seat) -> !seat.voter()).thenComparing(Seat::name, String.CASE_INSENSITIVE_ORDER))
            .toList();
        var rooms = new java.util.ArrayList<String>(List.of(PokerBroadcast.room(item)));
        table.ifPresent(meeting -> rooms.add(meeting.room()));
        return new PokerBoard(item.team(), item, latest.map(Round::status).orElse(null), latest.map(Round::id).orElse(0L),
                latest.map(round -> round.votes().size()).orElse(0), seats, statistics,
                latest.map(Round::agreed).orElse(null), latest.map(round -> round.deck().unit().symbol()).orElse(""),
                List.copyOf(rooms));
    }

    private static Seat seat(long id, String name, Role role, boolean voter, Set<Long> present, Optional<Round> latest,
            boolean revealed, Set<Long> outliers, Set<Long> explained) {
        var vote = latest.flatMap(round -> round.voteOf(id));
        return new Seat(id, name, role, voter, present.contains(id), vote.isPresent(), revealed ? vote.map(Vote::card).orElse(null)
                : null, outliers.contains(id), explained.contains(id));
    }

    /** The live meeting showing this item's table now, if any. */
    private Optional<MeetingTables.Table> table(ItemKey item) {
        var meetings = tables.getIfAvailable();
        return meetings == null ? Optional.empty() : meetings.of(item.team(), item.number());
    }

    private static boolean everyPresentVoterVoted(PokerBoard board) {
        var voters = board.seats().stream().filter(Seat::voter).toList();
        var present = voters.stream().filter(Seat::present).toList();
        var waitingFor = present.isEmpty() ? voters : present;
        return !waitingFor.isEmpty() && waitingFor.stream().allMatch(Seat::voted);
    }

    static boolean votes(Role role, PokerSettings settings) {
        return role == Role.FACILITATOR || role == Role.ENGINEER || role == Role.PM && settings.pmVotes();
    }

    /** The modules that may close voting, looked up once: they are singletons, and a vote should not search for them. */
    private List<VotingWindows> windows() {
        var found = votingWindows;
        if (found == null) {
            found = windows.orderedStream().toList();
            votingWindows = found;
        }
        return found;
    }

    private PokerSettings settings(TeamId team) {
        return repository.settings(team.value()).orElse(PokerSettings.DEFAULT);
    }

    private Membership facilitator(String teamKey, AccountId by) {
        var membership = teams.find(teamKey, by);
        if (!membership.facilitator()) {
            throw new Forbidden("Only a facilitator opens, reveals and agrees on rounds.");
        }
        return membership;
    }

    private Round round(TeamId team, String itemKey, long id) {
        return ofItem(repository.round(team.value(), id), itemKey, id);
    }

    /** The round under its lock: votes, reveals and agreements on it take turns. */
    private Round locked(TeamId team, String itemKey, long id) {
        return ofItem(repository.locked(team.value(), id), itemKey, id);
    }

    private static Round ofItem(Optional<Round> round, String itemKey, long id) {
        return round.filter(found -> found.item().toString().equals(itemKey))
            .orElseThrow(() -> new NotFound("No round " + id + " on " + itemKey + "."));
    }

    /** A round without its cards until it is revealed; who voted stays. */
    private Round hidden(Round round) {
        if (round.revealed()) {
            return round;
        }
        return new Round(round.id(), round.item(), round.status(), false, round.deck(),
                round.votes().stream().map(vote -> new Vote(vote.voter(), vote.name(), null)).toList(), round.agreed(),
                round.openedBy(), round.openedAt());
    }

    private static ItemKey key(String teamKey, String itemKey) {
        return ItemKey.parse(itemKey).filter(key -> key.team().equals(teamKey))
            .orElseThrow(() -> new NotFound("No item " + itemKey + " in " + teamKey + "."));
    }
}
