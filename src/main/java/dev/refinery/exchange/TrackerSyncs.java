package dev.refinery.exchange;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.ItemContent;
import dev.refinery.backlog.ItemImports;
import dev.refinery.backlog.ItemKey;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.backlog.StaleItem;
import dev.refinery.backlog.Status;
import dev.refinery.estimation.EstimateAgreed;
import dev.refinery.identity.Account;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.Membership;
import dev.refinery.identity.Teams;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's sync with Jira Cloud or with a GitHub repository, set up by its facilitators. A pull creates and updates
 * items from the issues a JQL filter finds (Jira) or the issues of the repository with a label (GitHub), with the keys
 * and rules of the Jira CSV and GitHub issues imports, in the background and on a schedule, one node at a time per team
 * (a lease row), resuming from the page where a stopped node left it. A field changed both in the tracker and in
 * Refinery since the last pull is never overwritten: it becomes a conflict that a person resolves. An agreed estimate
 * of a synced item is written back to the tracker (Jira's story points field, GitHub's label "estimate: N") through the
 * webhooks' outbox, with its retries and delivery log.
 */
@Component
public class TrackerSyncs {

    static final String JIRA = "jira";
    static final String GITHUB = "github";
    static final String PUSH_EVENT = "jira.estimate";
    static final String GITHUB_PUSH_EVENT = "github.estimate";
    static final String GITHUB_API = "https://api.github.com";
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int RUNS_SHOWN = 10;
    private static final Pattern FIELD_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}");
    private static final Logger log = LoggerFactory.getLogger(TrackerSyncs.class);

    private final SyncRepository syncs;
    private final WebhookRepository hooks;
    private final SecretBox box;
    private final SyncAddresses addresses;
    private final JiraCloud jira;
    private final ItemImports imports;
    private final BacklogItems items;
    private final ImportJobRepository importJobs;
    private final Teams teams;
    private final Accounts accounts;
    private final TaskExecutor executor;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration every;
    private final boolean worker;
    private final String node = UUID.randomUUID().toString().substring(0, 8);

    TrackerSyncs(SyncRepository syncs, WebhookRepository hooks, SecretBox box, SyncAddresses addresses, JiraCloud jira,
            ItemImports imports, BacklogItems items, ImportJobRepository importJobs, Teams teams, Accounts accounts,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, JsonMapper json, Clock clock,
            @Value("${refinery.sync.every:PT10M}") Duration every, @Value("${refinery.sync.worker:true}") boolean worker) {
        this.syncs = syncs;
        this.hooks = hooks;
        this.box = box;
        this.addresses = addresses;
        this.jira = jira;
        this.imports = imports;
        this.items = items;
        this.importJobs = importJobs;
        this.teams = teams;
        this.accounts = accounts;
        this.executor = executor;
        this.json = json;
        this.clock = clock;
        this.every = every;
        this.worker = worker;
    }

    /** The name of a tracker of this kind, as the pages say it. */
    static String trackerName(String kind) {
        return GITHUB.equals(kind) ? "GitHub" : "Jira";
    }

    /** Whether credentials can be saved: only with {@code REFINERY_SECRET_KEY} set. */
    public boolean canKeepSecrets() {
        return box.ready();
    }

    public Optional<TrackerSync> settings(String teamKey, AccountId viewer) {
        return syncs.settings(team(facilitator(teamKey, viewer))).map(SyncRepository.Settings::shown);
    }

    /**
     * Saves the settings, refused whole with a message per field when anything is wrong; the token is sealed before
     * it is stored, and a blank token keeps the saved one.
     */
    @Transactional
    public TrackerSync save(String teamKey, SyncForm form, AccountId by) {
        var membership = facilitator(teamKey, by);
        var team = team(membership);
        var existing = syncs.settings(team);
        var errors = new LinkedHashMap<String, String>();
        var kind = form.kind() == null || form.kind().isBlank() ? JIRA : form.kind().strip().toLowerCase(Locale.ROOT);
        if (!kind.equals(JIRA) && !kind.equals(GITHUB)) {
            errors.put("kind", "Refinery syncs with Jira Cloud (kind jira) or GitHub (kind github).");
        }
        var github = kind.equals(GITHUB);
        String site = null;
        try {
            var address = github && (form.siteUrl() == null || form.siteUrl().isBlank()) ? GITHUB_API : form.siteUrl();
            site = addresses.check(address, kind).toString().replaceAll("/+$", "");
        }
        catch (Rejected refused) {
            errors.putAll(refused.errors());
        }
        String email = null;
        String jql = null;
        String field = null;
        String repository = null;
        String labels = null;
        if (github) {
            repository = form.repository() == null ? "" : form.repository().strip();
            if (!REPOSITORY.matcher(repository).matches()) {
                errors.put("repository", "Give the repository as owner/name, such as acme/shop.");
            }
            labels = form.labelFilter() == null || form.labelFilter().isBlank() ? null : form.labelFilter().strip();
            if (labels != null && labels.length() > 100) {
                errors.put("labelFilter",
                        "Give up to 100 characters: a label, or several separated by commas (issues with all of them).");
            }
        }
        else {
            email = form.accountEmail() == null ? "" : form.accountEmail().strip();
            if (!EMAIL.matcher(email).matches() || email.length() > 320) {
                errors.put("accountEmail", "Give the email of the Atlassian account the API token belongs to.");
            }
            jql = form.jql() == null ? "" : form.jql().strip();
            if (jql.isEmpty() || jql.length() > 2000) {
                errors.put("jql", "Give a JQL filter of up to 2,000 characters, such as project = PAY ORDER BY rank.");
            }
            field = form.pointsField() == null || form.pointsField().isBlank() ? "customfield_10016" : form.pointsField().strip();
            if (!FIELD_ID.matcher(field).matches()) {
                errors.put("pointsField", "Give the id of the story points field, such as customfield_10016.");
            }
        }
        var token = form.apiToken() == null ? "" : form.apiToken().strip();
        var keeps = existing.filter(saved -> saved.kind().equals(kind));
        if (token.isEmpty() && keeps.isEmpty()) {
            errors.put("apiToken", github
                    ? "Give a token that may read the repository's issues and label them "
                            + "(github.com › Settings › Developer settings › Personal access tokens)."
                    : "Give an API token of that account (id.atlassian.com › Security › API tokens).");
        }
        else if (token.length() > 1000) {
            errors.put("apiToken", "An API token has at most 1,000 characters.");
        }
        else if (github && token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            errors.put("apiToken", "A GitHub token has no spaces: copy it again.");
        }
        if (!token.isEmpty() && !box.ready()) {
            errors.put("apiToken", "Refinery cannot keep a token safe yet: the administrator sets REFINERY_SECRET_KEY "
                    + "(a long random text, such as the output of openssl rand -base64 32) and restarts it.");
        }
        if (existing.isPresent() && form.version() == null) {
            errors.put("version", "Say which version of the settings you changed.");
        }
        if (!errors.isEmpty()) {
            throw Rejected.invalid(errors);
        }
        var now = clock.instant();
        var sealed = token.isEmpty() ? keeps.get().tokenSealed() : box.seal(token);
        var ends = token.isEmpty() ? keeps.get().tokenEnds() : token.substring(Math.max(0, token.length() - 4));
        if (existing.isEmpty()) {
            var channel = hooks.insertChannel(team, kind, site, now);
            syncs.insert(new SyncRepository.Settings(team, kind, site, email, sealed, ends, jql, field, repository, labels,
                    by.value(), channel, now, 0));
        }
        else {
            var settings = new SyncRepository.Settings(team, kind, site, email, sealed, ends, jql, field, repository, labels,
                    by.value(), existing.get().channel(), existing.get().createdAt(), existing.get().version());
            if (!syncs.update(settings, form.version())) {
                throw Rejected.conflict("version", "Somebody changed the sync settings since you opened them: reload and try again.");
            }
            hooks.renewChannel(existing.get().channel(), site);
            var before = existing.get();
            if (!before.kind().equals(kind) || !before.siteUrl().equals(site)
                    || !java.util.Objects.equals(before.repository(), repository)) {
                // the values pulled from another tracker or repository, and their conflicts, say nothing about this one
                syncs.forgetPulled(team);
            }
        }
        return syncs.settings(team).orElseThrow().shown();
    }

    /** Stops syncing: the settings, the token, the pulled values and open conflicts go; the items stay. */
    @Transactional
    public void remove(String teamKey, AccountId by) {
        var team = team(facilitator(teamKey, by));
        var settings = syncs.settings(team).orElseThrow(() -> new NotFound(teamKey + " does not sync with a tracker."));
        syncs.delete(team);
        hooks.deleteChannel(settings.channel());
    }

    public List<SyncRun> runs(String teamKey, AccountId viewer) {
        return syncs.runs(team(facilitator(teamKey, viewer)), RUNS_SHOWN);
    }

    public SyncRun run(String teamKey, long id, AccountId viewer) {
        var team = team(facilitator(teamKey, viewer));
        return syncs.run(team, id).orElseThrow(() -> new NotFound("No sync run " + id + " in " + teamKey + "."));
    }

    /** Starts a pull in the background now, or gives the one running. */
    public SyncRun syncNow(String teamKey, AccountId by) {
        var membership = facilitator(teamKey, by);
        var team = team(membership);
        var settings = syncs.settings(team).orElseThrow(() -> Rejected.conflict("sync", "Save the sync settings first."));
        var running = syncs.running(team);
        if (running.isPresent()) {
            return running.get().run();
        }
        var run = syncs.startRun(team, "manual", clock.instant());
        executor.execute(() -> pull(settings.team(), run));
        return syncs.run(team, run).orElseThrow();
    }

    /** The conflicts still open, across the team's items. */
    public List<SyncConflict> conflicts(String teamKey, AccountId viewer) {
        return syncs.conflicts(team(teams.find(teamKey, viewer)));
    }

    /** What the item page shows of the sync: its issue in the tracker, open conflicts, the last push of its estimate. */
    public Optional<ItemSync> item(String teamKey, String itemKey, AccountId viewer) {
        var team = team(teams.find(teamKey, viewer));
        var pulled = syncs.pulledItem(team, itemKey);
        if (pulled.isEmpty() || syncs.settings(team).isEmpty()) {
            return Optional.empty();
        }
        var push = pulled.get().pushMessage() == null ? null
                : hooks.lastAttempt(pulled.get().pushMessage()).map(attempt -> new ItemSync.Push(attempt.at(),
                        attempt.delivered(), attempt.status(), attempt.error(), attempt.messageStatus()))
                    .orElse(new ItemSync.Push(null, false, null, null, "pending"));
        var external = pulled.get().externalKey();
        return Optional.of(new ItemSync(syncs.settings(team).orElseThrow().shown().trackerName(),
                external.substring(external.indexOf(':') + 1), syncs.conflicts(team, itemKey), push, clock.instant()));
    }

    /**
     * Resolves a conflict: {@code ours} keeps the item as it is, {@code theirs} writes the tracker's value to it as it
     * was at {@code itemVersion} (a changed item is refused as any stale edit is).
     */
    @Transactional(noRollbackFor = StaleItem.class)
    public void resolve(String teamKey, long conflictId, String choice, Integer itemVersion, Account by) {
        var membership = teams.find(teamKey, by.id());
        if (membership.role() == dev.refinery.identity.Role.OBSERVER) {
            throw new Forbidden("Observers read the backlog but do not resolve its conflicts.");
        }
        var team = team(membership);
        var conflict = syncs.conflict(team, conflictId)
            .orElseThrow(() -> new NotFound("No open conflict " + conflictId + " in " + teamKey + "."));
        if (itemVersion == null) {
            throw Rejected.invalid("itemVersion", "Say which version of the item you saw.");
        }
        switch (choice == null ? "" : choice) {
            case "ours" -> items.edit(teamKey, conflict.item(), itemVersion, ItemPatch.empty(), by);
            case "theirs" -> items.edit(teamKey, conflict.item(), itemVersion, patch(conflict.field(), conflict.theirs()), by);
            default -> throw Rejected.invalid("choice", "Choose ours or theirs.");
        }
        syncs.resolve(team, conflictId, choice);
    }

    @Scheduled(fixedDelayString = "${refinery.sync.poll:PT1M}", initialDelayString = "${refinery.sync.poll:PT1M}")
    void poll() {
        if (worker) {
            try {
                pullDue();
            }
            catch (RuntimeException failed) {
                log.warn("Tracker syncs failed, tried again at the next poll: {}", failed.toString());
            }
        }
    }

    /**
     * Pulls, on this node, every team whose last pull started {@code every} ago or more, and resumes a pull whose node
     * stopped (its lease ended); tells how many pulls it ran.
     */
    int pullDue() {
        var ran = 0;
        var now = clock.instant();
        for (var settings : syncs.all()) {
            var running = syncs.running(settings.team());
            if (running.isPresent()) {
                if (pull(settings.team(), running.get().run().id())) {
                    ran++;
                }
                continue;
            }
            var last = syncs.lastStart(settings.team());
            if (last.isEmpty() || !now.isBefore(last.get().plus(every))) {
                var run = syncs.startRun(settings.team(), "scheduled", now);
                if (pull(settings.team(), run)) {
                    ran++;
                }
            }
        }
        return ran;
    }

    /** Runs or resumes a pull if this node gets the team's lease; false when another node holds it. */
    boolean pull(long team, long run) {
        if (!syncs.lease(team, node, clock.instant(), clock.instant().plus(LEASE))) {
            return false;
        }
        try {
            var state = syncs.running(team).filter(running -> running.run().id() == run);
            if (state.isEmpty()) {
                return false;
            }
            var settings = syncs.settings(team).orElse(null);
            if (settings == null) {
                syncs.finish(run, "failed", "The sync settings were removed.", clock.instant());
                return true;
            }
            try {
                pages(settings, run, state.get().nextPage());
                syncs.finish(run, "done", null, clock.instant());
            }
            catch (GitHubRateLimited limited) {
                log.info("Sync run {} of team {} waits for GitHub's rate limit until {}", run, team, limited.retryAt());
                syncs.hold(team, node, limited.retryAt());
                syncs.waiting(run, shortened(limited.getMessage() + " The pull goes on from where it stopped then."));
            }
            catch (JiraCloud.Failed | GitHubFailure | IllegalStateException | Rejected failed) {
                log.info("Sync run {} of team {} failed: {}", run, team, failed.getMessage());
                syncs.finish(run, "failed", shortened(failed.getMessage()), clock.instant());
            }
            catch (RuntimeException failed) {
                log.error("Sync run {} failed", run, failed);
                syncs.finish(run, "failed", "The pull failed on the server; it is tried again at the next schedule.",
                        clock.instant());
            }
            return true;
        }
        finally {
            syncs.release(team, node);
        }
    }

    private void pages(SyncRepository.Settings settings, long run, String resumeAt) {
        var account = accounts.find(new AccountId(settings.account()))
            .orElseThrow(() -> new IllegalStateException("The facilitator who set up the sync has no account any more: save the settings again."));
        var membership = teams.of(account.id()).stream().filter(m -> m.team().id().value() == settings.team()).findFirst()
            .orElseThrow(() -> new IllegalStateException(account.displayName()
                    + " who set up the sync is no longer in the team: a facilitator saves the settings again."));
        var teamKey = membership.team().key().value();
        var choices = ImportChoices.DEFAULT.withStatuses(importJobs.savedStatuses(settings.team()));
        var tracker = settings.github() ? gitHub(settings, choices) : jira(settings, choices);
        var cursor = resumeAt;
        do {
            syncs.renew(settings.team(), node, clock.instant().plus(LEASE));
            var page = tracker.read(cursor);
            var counts = apply(settings.team(), teamKey, page.reading(), settings.kind() + "-sync", account);
            cursor = page.next();
            syncs.pageDone(run, page.seen(), counts[0], counts[1], counts[2], page.total(), cursor);
        }
        while (cursor != null);
    }

    /**
     * A page of a tracker's issues read as items: how many issues it had, the next page's cursor (null after the
     * last), the total when the tracker says it.
     */
    private record Page(Reading reading, int seen, String next, Integer total) {
    }

    /** Reads a tracker's issues a page at a time; the cursor is null for the first page, else the page before's next. */
    private interface Tracker {
        Page read(String cursor);
    }

    private Tracker jira(SyncRepository.Settings settings, ImportChoices choices) {
        var site = new JiraCloud.Site(URI.create(settings.siteUrl()), settings.email(), box.open(settings.tokenSealed()));
        return cursor -> {
            var page = jira.search(site, settings.jql(), settings.pointsField(), cursor);
            return new Page(JiraIssues.read(page.issues(), settings.pointsField(), choices), page.issues().size(),
                    page.next(), page.total());
        };
    }

    private Tracker gitHub(SyncRepository.Settings settings, ImportChoices choices) {
        var client = gitHubClient(addresses, box, settings, clock);
        var repository = settings.repository().split("/", 2);
        return cursor -> {
            var page = client.issuesPage(repository[0], repository[1], settings.labelFilter(), cursor);
            var issues = page.entries().stream().filter(entry -> !entry.has("pull_request")).toList();
            return new Page(GithubIssues.synced(issues, settings.repository(), choices), issues.size(), page.next(), null);
        };
    }

    /** GitHub's client for a team's settings, its API address checked as a webhook's is, the token opened only now. */
    static GitHubIssuesClient gitHubClient(SyncAddresses addresses, SecretBox box, SyncRepository.Settings settings,
            Clock clock) {
        return new GitHubIssuesClient(addresses.check(settings.siteUrl(), GITHUB), box.open(settings.tokenSealed()), clock);
    }

    /** Creates the new items through the import, then compares the others three ways; counts created, updated, conflicts. */
    private int[] apply(long team, String teamKey, Reading reading, String source, Account by) {
        var known = imports.byExternalKey(teamKey, by.id());
        var fresh = reading.items().stream().filter(item -> !known.containsKey(item.externalKey().strip())).toList();
        var created = 0;
        if (!fresh.isEmpty() || !reading.workstreams().isEmpty()) {
            created = imports.add(teamKey, fresh, reading.workstreams(), true, source, by, (rows, of) -> {
            }).added();
        }
        var keys = fresh.isEmpty() ? known : imports.byExternalKey(teamKey, by.id());
        var updated = 0;
        var conflicts = 0;
        var now = clock.instant();
        for (var item : reading.items()) {
            var external = item.externalKey().strip();
            var key = keys.get(external);
            if (key == null) {
                continue;
            }
            var theirs = Values.of(item.content());
            var base = syncs.pulled(team, external);
            if (fresh.contains(item) || base.isEmpty() && !known.containsKey(external)) {
                remember(team, external, key, theirs);
                continue;
            }
            var view = items.find(teamKey, key.toString(), by.id());
            var ours = Values.of(view.content());
            // an item imported from a file before the sync started: the file was its last pull
            var before = base.map(Values::of).orElse(ours);
            var patch = ItemPatch.empty();
            var changed = false;
            for (var field : Values.FIELDS) {
                var tracker = theirs.get(field);
                var was = before.get(field);
                var here = ours.get(field);
                if (tracker.equals(was) || tracker.equals(here)) {
                    continue;
                }
                if (here.equals(was)) {
                    patch = apply(patch, field, tracker);
                    changed = true;
                }
                else if (syncs.conflict(team, key.toString(), field, tracker, here, now)) {
                    conflicts++;
                }
            }
            if (changed) {
                try {
                    items.edit(teamKey, key.toString(), view.item().version(), patch, by);
                    updated++;
                }
                catch (StaleItem | Rejected edited) {
                    log.info("Sync left {} as it is: {}", key, edited.getMessage());
                }
            }
            remember(team, external, key, theirs);
        }
        return new int[] {created, updated, conflicts};
    }

    private void remember(long team, String external, ItemKey key, Values theirs) {
        syncs.remember(team, new SyncRepository.Pulled(external, key.toString(), theirs.title(), theirs.description(),
                theirs.estimate(), theirs.status(), null));
    }

    /**
     * An agreed estimate in points of an item the team pulls from its tracker is queued, in the transaction that agreed
     * it, for the outbox to write into the issue: Jira's story points field, or GitHub's label "estimate: N" in place of
     * the one before.
     */
    @EventListener
    void on(EstimateAgreed agreed) {
        var estimate = agreed.estimate();
        if (estimate == null || estimate.value() == null || estimate.unit() != Estimate.Unit.POINTS) {
            return;
        }
        var settings = syncs.settings(agreed.team()).orElse(null);
        if (settings == null) {
            return;
        }
        var pulled = syncs.pulledItem(agreed.team(), agreed.item().toString()).orElse(null);
        if (pulled == null) {
            return;
        }
        var external = pulled.externalKey();
        if (!external.startsWith(settings.kind() + ":")) {
            return;
        }
        var issue = external.substring(external.indexOf(':') + 1);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("issue", issue);
        String type;
        if (settings.github()) {
            payload.put("label", GithubIssues.estimateLabel(estimate.value()));
            type = GITHUB_PUSH_EVENT;
        }
        else {
            var fields = new LinkedHashMap<String, Object>();
            fields.put(settings.pointsField(), estimate.value().stripTrailingZeros());
            payload.put("body", java.util.Map.of("fields", fields));
            type = PUSH_EVENT;
        }
        var now = clock.instant();
        var message = hooks.enqueue(settings.channel(), WebhookSignature.newMessageId(), type,
                json.writeValueAsString(payload), now, now.plus(Webhooks.RETRY_FOR));
        syncs.pushed(agreed.team(), external, message);
    }

    private static ItemPatch apply(ItemPatch patch, String field, String value) {
        return switch (field) {
            case "title" -> patch.title(value);
            case "description" -> patch.description(value);
            case "estimate" -> patch.estimate(value.isEmpty() ? null : Estimate.of(new BigDecimal(value), Estimate.Unit.POINTS));
            case "status" -> patch.status(Status.of(value).orElse(Status.NEEDS_REFINEMENT));
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static ItemPatch patch(String field, String value) {
        return apply(ItemPatch.empty(), field, value);
    }

    /** The four fields both sides hold, as text: an estimate in points ("" for none), a status by its code. */
    record Values(String title, String description, String estimate, String status) {

        static final List<String> FIELDS = List.of("title", "description", "estimate", "status");

        static Values of(ItemContent content) {
            return new Values(content.title(), content.description() == null ? "" : content.description(),
                    estimate(content.estimate()), content.status() == null ? "" : content.status().code());
        }

        static Values of(SyncRepository.Pulled pulled) {
            return new Values(pulled.title(), pulled.description(), pulled.estimate() == null ? "" : pulled.estimate(),
                    pulled.status() == null ? "" : pulled.status());
        }

        String get(String field) {
            return switch (field) {
                case "title" -> title;
                case "description" -> description;
                case "estimate" -> estimate;
                case "status" -> status;
                default -> throw new IllegalArgumentException(field);
            };
        }

        private static String estimate(Estimate estimate) {
            if (estimate == null || estimate.value() == null) {
                return "";
            }
            var value = estimate.value().stripTrailingZeros().toPlainString();
            return estimate.unit() == Estimate.Unit.POINTS ? value : value + " " + estimate.unit().code();
        }
    }

    private static String shortened(String message) {
        var text = message == null ? "The pull failed." : message;
        return text.length() > 500 ? text.substring(0, 499) + "…" : text;
    }

    private static long team(Membership membership) {
        return membership.team().id().value();
    }

    private Membership facilitator(String teamKey, AccountId by) {
        var membership = teams.find(teamKey, by);
        if (!membership.facilitator()) {
            throw new Forbidden("Only a facilitator of " + membership.team().key().value() + " manages its tracker sync.");
        }
        return membership;
    }
}
