package dev.refinery.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.refinery.shared.LiveSnapshots;
import dev.refinery.shared.LiveUpdate;
import dev.refinery.shared.Presence;
import dev.refinery.shared.PresenceChanged;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The rooms of live pages. A stream leaves its room when it completes, times out or fails; when the
 * application stops, every stream is completed first so that shutdown never waits on an open connection.
 * Everyone in a room is told who is present when that changes: once for all the comings and goings of a short
 * while, so that a thousand people joining at once cost a few announcements, not a thousand.
 */
@Component
public class LiveRooms implements SmartLifecycle, Presence {

    private static final Logger log = LoggerFactory.getLogger(LiveRooms.class);

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();
    /** Rooms whose presence changed since they were last told, with the accounts that came or went. */
    private final ConcurrentMap<String, Set<Long>> unannounced = new ConcurrentHashMap<>();
    private final TemplateEngine templates;
    private final Duration streamTimeout;
    private final Duration presenceDelay;
    private final ObjectProvider<LiveSnapshots> snapshots;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final String databaseUrl;
    private final String databaseUser;
    private final String databasePassword;
    private final java.time.Clock clock;
    private volatile EventBus bus = new InProcessEventBus();
    private volatile PresenceBook book;
    private volatile ScheduledExecutorService announcer;
    private volatile boolean running;
    private final AtomicLong busReconnects = new AtomicLong();

    /**
     * A stream that times out is closed; the browser's EventSource then reconnects by itself. A room hears of
     * who came and went at most once per {@code presenceDelay}.
     */
    LiveRooms(TemplateEngine templates, @Value("${refinery.live.stream-timeout:PT30M}") Duration streamTimeout,
            @Value("${refinery.live.presence-delay:PT0.1S}") Duration presenceDelay,
            ObjectProvider<LiveSnapshots> snapshots, ApplicationEventPublisher events, JdbcClient jdbc, java.time.Clock clock,
            @Value("${spring.datasource.url}") String databaseUrl,
            @Value("${spring.datasource.username:}") String databaseUser,
            @Value("${spring.datasource.password:}") String databasePassword) {
        this.templates = templates;
        this.streamTimeout = streamTimeout;
        this.presenceDelay = presenceDelay;
        this.snapshots = snapshots;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.databaseUrl = databaseUrl;
        this.databaseUser = databaseUser;
        this.databasePassword = databasePassword;
    }

    /**
     * Opens a stream into a room for one person: it first gets the room's current state, and everyone in the
     * room then sees them as present.
     */
    public SseEmitter join(String room, long account, String who) {
        var stream = new SseEmitter(streamTimeout.toMillis());
        if (!running) {
            stream.complete();
            return stream;
        }
        for (var snapshot : snapshots.orderedStream().toList()) {
            if (snapshot.handles(room)) {
                for (var update : snapshot.current(room)) {
                    try {
                        stream.send(SseEmitter.event().name(update.event()).data(update.html()));
                    }
                    catch (IOException | IllegalStateException gone) {
                        stream.completeWithError(gone);
                        return stream;
                    }
                }
            }
        }
        // entering and leaving change a room inside the map's lock: a stream never enters a room just removed
        rooms.compute(room, (name, members) -> (members == null ? new Room() : members).enter(stream,
                new Room.Participant(account, who)));
        var shared = book;
        if (shared != null) {
            shared.enter(room, account, who);
        }
        stream.onCompletion(() -> leave(room, stream));
        stream.onTimeout(() -> {
            stream.complete();
            leave(room, stream);
        });
        stream.onError(error -> leave(room, stream));
        presenceChanged(room, account);
        return stream;
    }

    /** Sends an event whose data is an HTML fragment to every stream of a room. */
    public void send(String room, String event, String html) {
        var members = rooms.get(room);
        if (members == null) {
            return;
        }
        for (var stream : members.streams()) {
            try {
                stream.send(SseEmitter.event().name(event).data(html));
            }
            catch (IOException | IllegalStateException gone) {
                drop(room, stream, gone);
            }
        }
    }

    /** Delivers what a module published for a room to this node's streams, once its transaction has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void deliver(LiveUpdate update) {
        send(update.room(), update.event(), update.html());
    }

    /**
     * Tells the other nodes in the change's own transaction, on its connection: PostgreSQL delivers the notification
     * when that commits, and never after a rollback. (Told after the commit instead, it needed a second connection
     * while the change still held its first: as many changes at once as the pool had connections waited for each
     * other until the pool gave up.)
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void tell(LiveUpdate update) {
        bus.changed(update.room());
    }

    /**
     * Another node changed a room: this node's streams of it get its state as the database has it now, or
     * who is present, for a room that has no other state.
     */
    void refresh(String room) {
        if (!rooms.containsKey(room)) {
            return;
        }
        var handled = false;
        for (var snapshot : snapshots.orderedStream().toList()) {
            if (snapshot.handles(room)) {
                snapshot.current(room).forEach(update -> send(room, update.event(), update.html()));
                handled = true;
            }
        }
        if (!handled) {
            send(room, "presence", presence(room));
        }
    }

    /** Every room this node serves, brought up to date (after this node may have missed changes). */
    void refreshAll() {
        rooms.keySet().forEach(this::refresh);
    }

    /** The bus listens again after it lost its connection: it may have missed changes of any room. */
    private void reconnected() {
        busReconnects.incrementAndGet();
        refreshAll();
    }

    /** How often the bus between nodes has had to listen again since this node started. */
    long busReconnects() {
        return busReconnects.get();
    }

    /** How many streams this node has open, in all rooms. */
    int openStreams() {
        return rooms.values().stream().mapToInt(members -> members.streams().size()).sum();
    }

    /** How many rooms have at least one stream open on this node. */
    int openRooms() {
        return rooms.size();
    }

    /** The bus between nodes: PostgreSQL's LISTEN/NOTIFY on PostgreSQL, nobody else to tell otherwise. */
    EventBus bus() {
        return bus;
    }

    /** Who has a stream open to the room: on this node, or on any node when there are several. */
    @Override
    public Set<Long> present(String room) {
        var shared = book;
        if (shared != null) {
            return Set.copyOf(shared.present(room).keySet());
        }
        var members = rooms.get(room);
        return members == null ? Set.of() : members.accounts();
    }

    /** How many streams a room has open now. */
    public int streams(String room) {
        var members = rooms.get(room);
        return members == null ? 0 : members.streams().size();
    }

    public List<String> names(String room) {
        var shared = book;
        if (shared != null) {
            return shared.present(room).values().stream().distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        }
        var members = rooms.get(room);
        return members == null ? List.of() : members.present();
    }

    /** A comment on every stream: a client that went away without a word is found out and removed. */
    @Scheduled(fixedDelayString = "${refinery.live.heartbeat:PT10S}")
    void heartbeat() {
        var shared = book;
        if (shared != null) {
            shared.heartbeat();
        }
        rooms.forEach((room, members) -> members.streams().forEach(stream -> {
            try {
                stream.send(SseEmitter.event().comment("heartbeat"));
            }
            catch (IOException | IllegalStateException gone) {
                drop(room, stream, gone);
            }
        }));
    }

    private void leave(String room, SseEmitter stream) {
        var left = new Room.Participant[1];
        var still = new boolean[1];
        rooms.computeIfPresent(room, (name, members) -> {
            left[0] = members.leave(stream);
            still[0] = left[0] != null && members.has(left[0].account());
            return members.empty() ? null : members;
        });
        if (left[0] != null) {
            var shared = book;
            if (shared != null && !still[0]) {
                shared.leave(room, left[0].account());
            }
            presenceChanged(room, left[0].account());
        }
    }

    private void drop(String room, SseEmitter stream, Exception cause) {
        leave(room, stream);
        try {
            stream.completeWithError(cause);
        }
        catch (IllegalStateException alreadyCompleted) {
            // the container has already closed it
        }
    }

    /** The room is told after the delay, with whatever else changed in it meanwhile: the latest state wins. */
    private void presenceChanged(String room, long account) {
        var first = new boolean[1];
        unannounced.compute(room, (name, accounts) -> {
            var changed = accounts;
            if (changed == null) {
                changed = ConcurrentHashMap.newKeySet();
                first[0] = true;
            }
            changed.add(account);
            return changed;
        });
        var scheduled = announcer;
        if (first[0] && running && scheduled != null) {
            try {
                scheduled.schedule(() -> announcePresence(room), presenceDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (RejectedExecutionException stopping) {
                // the application is stopping: nobody is left to tell
            }
        }
    }

    private void announcePresence(String room) {
        var accounts = unannounced.remove(room);
        if (!running || accounts == null) {
            return;
        }
        try {
            send(room, "presence", presence(room));
            bus.changed(room);
            events.publishEvent(new PresenceChanged(room, Set.copyOf(accounts)));
        }
        catch (RuntimeException failed) {
            // the next change tells the room again; the announcer must live on for the other rooms
            log.warn("Could not tell room {} who is present", room, failed);
        }
    }

    private String presence(String room) {
        var html = new StringOutput();
        templates.render("live/presence.jte", Map.of("people", names(room)), html);
        return html.toString();
    }

    @Override
    public void start() {
        if (databaseUrl.startsWith("jdbc:postgresql:")) {
            var postgres = new PostgresEventBus(jdbc, databaseUrl, databaseUser, databasePassword, this::refresh,
                    this::reconnected);
            postgres.start();
            bus = postgres;
            book = new PresenceBook(jdbc, java.util.UUID.randomUUID().toString(), clock);
        }
        // one thread tells the rooms in turn: a room's announcements never overtake each other
        announcer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("live-presence").daemon().factory());
        running = true;
    }

    /** Completes every open stream before the web server's graceful shutdown starts to wait for requests. */
    @Override
    public void stop() {
        running = false;
        var scheduled = announcer;
        if (scheduled != null) {
            scheduled.shutdownNow();
        }
        unannounced.clear();
        if (bus instanceof PostgresEventBus postgres) {
            postgres.close();
        }
        var shared = book;
        if (shared != null) {
            try {
                shared.forgetThisNode();
            }
            catch (RuntimeException databaseGone) {
                // its rows expire by themselves
            }
        }
        rooms.values().forEach(members -> members.streams().forEach(stream -> {
            try {
                stream.complete();
            }
            catch (IllegalStateException alreadyCompleted) {
                // nothing left to close
            }
        }));
        rooms.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
