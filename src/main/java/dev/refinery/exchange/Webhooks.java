package dev.refinery.exchange;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItemSaved;
import dev.refinery.backlog.BacklogItemsImported;
import dev.refinery.estimation.EstimateAgreed;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Membership;
import dev.refinery.identity.Teams;
import dev.refinery.meeting.SessionClosed;
import dev.refinery.prioritization.QueueChanged;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's outgoing webhooks, managed by its facilitators. Each event a hook wants is written to the outbox in the
 * transaction of the change that caused it, so that it is sent if and only if that change was saved; a worker
 * ({@link WebhookDeliveries}) sends it at least once, signed as Standard Webhooks says, for up to a day.
 */
@Component
public class Webhooks {

    /** How long a message is retried before it is given up, and how long a hook fails before it is paused. */
    static final Duration RETRY_FOR = Duration.ofHours(24);
    static final int LOG_SHOWN = 50;

    private final WebhookRepository hooks;
    private final WebhookAddresses addresses;
    private final Teams teams;
    private final JsonMapper json;
    private final Clock clock;

    Webhooks(WebhookRepository hooks, WebhookAddresses addresses, Teams teams, JsonMapper json, Clock clock) {
        this.hooks = hooks;
        this.addresses = addresses;
        this.teams = teams;
        this.json = json;
        this.clock = clock;
    }

    public List<Webhook> list(String teamKey, AccountId viewer) {
        return hooks.hooks(facilitator(teamKey, viewer).team().id().value());
    }

    public Webhook find(String teamKey, long id, AccountId viewer) {
        return hook(facilitator(teamKey, viewer), id);
    }

    /** The latest delivery attempts of a hook, newest first. */
    public List<WebhookAttempt> log(String teamKey, long id, AccountId viewer) {
        return hooks.log(hook(facilitator(teamKey, viewer), id).id(), LOG_SHOWN);
    }

    /** A new hook with a new secret; refused whole, with a message per field, when anything is wrong. */
    @Transactional
    public Webhook create(String teamKey, WebhookForm form, AccountId by) {
        var team = facilitator(teamKey, by).team().id().value();
        var checked = check(form);
        var id = hooks.insert(team, checked.url(), WebhookSignature.newSecret(), checked.events(),
                form.active() == null || form.active(), clock.instant());
        return hooks.hook(team, id).orElseThrow();
    }

    /** Changes a hook as it was at the version read; turning it on again resumes a paused hook. */
    @Transactional
    public Webhook change(String teamKey, long id, WebhookForm form, AccountId by) {
        var membership = facilitator(teamKey, by);
        var hook = hook(membership, id);
        var checked = check(form);
        if (form.version() == null) {
            throw Rejected.invalid("version", "Say which version of the hook you changed.");
        }
        var active = form.active() == null ? hook.active() : form.active();
        if (!hooks.update(membership.team().id().value(), hook.id(), form.version(), checked.url(), checked.events(), active)) {
            throw Rejected.conflict("version", "Somebody changed this webhook since you opened it: reload and try again.");
        }
        return hook(membership, id);
    }

    @Transactional
    public void remove(String teamKey, long id, AccountId by) {
        var membership = facilitator(teamKey, by);
        if (!hooks.delete(membership.team().id().value(), id)) {
            throw new NotFound("No webhook " + id + " in " + teamKey + ".");
        }
    }

    /** Queues a {@code webhook.test} event for this hook, whatever events it wants; sent like any other. */
    @Transactional
    public void sendTest(String teamKey, long id, AccountId by) {
        var membership = facilitator(teamKey, by);
        var hook = hook(membership, id);
        if (!hook.active()) {
            throw Rejected.conflict("active", "Turn the webhook on before sending it a test event.");
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("team", membership.team().key().value());
        data.put("message", "A test event from Refinery: the signature tells whether it is genuine.");
        enqueue(hook, WebhookEvent.TEST, data);
    }

    /** Sends a message again, with a new day of retries, whether it was delivered or given up. */
    @Transactional
    public void resend(String teamKey, long id, long message, AccountId by) {
        var hook = hook(facilitator(teamKey, by), id);
        var now = clock.instant();
        if (!hooks.resend(hook.id(), message, now, now.plus(RETRY_FOR))) {
            throw new NotFound("No message " + message + " of webhook " + id + ".");
        }
    }

    @EventListener
    void on(EstimateAgreed agreed) {
        var data = new LinkedHashMap<String, Object>();
        data.put("team", agreed.item().team());
        data.put("item", agreed.item().toString());
        data.put("round", agreed.round());
        data.put("estimate", agreed.estimate());
        publish(agreed.team(), WebhookEvent.ESTIMATE_AGREED, data);
    }

    @EventListener
    void on(BacklogItemSaved saved) {
        var data = new LinkedHashMap<String, Object>();
        data.put("team", saved.key().team());
        data.put("item", saved.key().toString());
        publish(saved.team(), saved.created() ? WebhookEvent.ITEM_CREATED : WebhookEvent.ITEM_UPDATED, data);
    }

    /** Items created by an import, a sync or a restore are announced one by one, as those created by hand are. */
    @EventListener
    void on(BacklogItemsImported imported) {
        var wanting = hooks.wanting(imported.team(), WebhookEvent.ITEM_CREATED);
        for (var key : imported.keys()) {
            var data = new LinkedHashMap<String, Object>();
            data.put("team", key.team());
            data.put("item", key.toString());
            for (var hook : wanting) {
                enqueue(hook, WebhookEvent.ITEM_CREATED.code(), data);
            }
        }
    }

    @EventListener
    void on(SessionClosed closed) {
        var data = new LinkedHashMap<String, Object>();
        data.put("team", closed.teamKey());
        data.put("session", closed.session());
        data.put("title", closed.title());
        data.put("carriedOverTo", closed.carriedTo().orElse(null));
        publish(closed.team(), WebhookEvent.SESSION_CLOSED, data);
    }

    @EventListener
    void on(QueueChanged changed) {
        var data = new LinkedHashMap<String, Object>();
        data.put("team", changed.teamKey());
        data.put("change", changed.change());
        if (changed.item() != null) {
            data.put("item", changed.item());
        }
        publish(changed.team(), WebhookEvent.QUEUE_CHANGED, data);
    }

    /** Runs inside the transaction that published the event: the outbox rows commit or roll back with the change. */
    private void publish(long team, WebhookEvent event, Map<String, Object> data) {
        for (var hook : hooks.wanting(team, event)) {
            enqueue(hook, event.code(), data);
        }
    }

    private void enqueue(Webhook hook, String type, Map<String, Object> data) {
        var now = clock.instant();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("type", type);
        payload.put("timestamp", now.toString());
        payload.put("data", data);
        hooks.enqueue(hook.id(), WebhookSignature.newMessageId(), type, json.writeValueAsString(payload), now,
                now.plus(RETRY_FOR));
    }

    private record Checked(String url, List<WebhookEvent> events) {
    }

    private Checked check(WebhookForm form) {
        var errors = new LinkedHashMap<String, String>();
        String url = null;
        try {
            url = addresses.check(form.url()).toString();
        }
        catch (Rejected rejected) {
            errors.putAll(rejected.errors());
        }
        var events = new ArrayList<WebhookEvent>();
        for (var code : form.events()) {
            var event = WebhookEvent.of(code == null ? "" : code.strip());
            if (event.isEmpty()) {
                errors.putIfAbsent("events", "No event " + code + ": choose among " + String.join(", ",
                        java.util.Arrays.stream(WebhookEvent.values()).map(WebhookEvent::code).toList()) + ".");
            }
            else if (!events.contains(event.get())) {
                events.add(event.get());
            }
        }
        if (events.isEmpty()) {
            errors.putIfAbsent("events", "Choose at least one event to send.");
        }
        if (!errors.isEmpty()) {
            throw Rejected.invalid(errors);
        }
        return new Checked(url, events.stream().sorted().toList());
    }

    private Webhook hook(Membership membership, long id) {
        return hooks.hook(membership.team().id().value(), id)
            .orElseThrow(() -> new NotFound("No webhook " + id + " in " + membership.team().key().value() + "."));
    }

    private Membership facilitator(String teamKey, AccountId by) {
        var membership = teams.find(teamKey, by);
        if (!membership.facilitator()) {
            throw new Forbidden("Only a facilitator of " + membership.team().key().value() + " manages its webhooks.");
        }
        return membership;
    }
}
