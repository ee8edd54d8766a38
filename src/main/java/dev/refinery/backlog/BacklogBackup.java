package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.identity.Account;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Membership;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.Rejected;

/**
 * A team's backlog as a backup holds it: the template, the workstreams and every item with all it carries.
 * A restore goes into a team that has no items, workstreams or custom fields yet, checks every item by the
 * rules of any edit ({@link ItemRules}, the restored template, the restored workstreams), keeps the items'
 * numbers under the target team's key, and records one history line an item. Only facilitators do either.
 */
@Component
public class BacklogBackup {

    /** The backlog's part of a team backup. */
    public record Part(TemplatePart template, List<WorkstreamPart> workstreams, List<ItemPart> items) {

        public Part {
            workstreams = workstreams == null ? List.of() : workstreams;
            items = items == null ? List.of() : items;
        }
    }

    /** The template: custom fields in order, the importance inputs items ask for, the Definition of Ready. */
    public record TemplatePart(List<FieldPart> customFields, List<Importance> importanceInputs, List<Section> definitionOfReady) {

        public TemplatePart {
            customFields = customFields == null ? List.of() : customFields;
            importanceInputs = importanceInputs == null ? List.of() : importanceInputs;
            definitionOfReady = definitionOfReady == null ? List.of() : definitionOfReady;
        }
    }

    public record FieldPart(String name, CustomField.Type type, List<String> options, boolean requiredForReady) {

        public FieldPart {
            options = options == null ? List.of() : options;
        }
    }

    public record WorkstreamPart(String name, String description, boolean archived) {
    }

    /**
     * An item by its number in the team; {@code key} is only for people reading the file (a restore gives the
     * item the target team's key), {@code followUpOf} and {@code splitFrom} are numbers of other items.
     */
    public record ItemPart(Integer number, String key, String title, String description, String technicalNotes,
            List<Link> links, List<Criterion> acceptanceCriteria, Estimate estimate, Map<String, BigDecimal> importance,
            LocalDate deadline, String deadlineReason, String workstream, List<String> labels, Status status,
            Integer followUpOf, Integer splitFrom, Map<String, String> customFields, String externalKey, List<Risk> risks,
            BigDecimal actualDays, Instant doneAt) {

        public ItemPart {
            links = links == null ? List.of() : links;
            acceptanceCriteria = acceptanceCriteria == null ? List.of() : acceptanceCriteria;
            importance = importance == null ? Map.of() : importance;
            labels = labels == null ? List.of() : labels;
            customFields = customFields == null ? Map.of() : customFields;
            risks = risks == null ? List.of() : risks;
        }

        ItemContent content() {
            return new ItemContent(title, description, technicalNotes, links, acceptanceCriteria, estimate, importance,
                    deadline, deadlineReason, workstream, labels, status, null, null, customFields,
                    actualDays == null ? null : ItemRules.actualHalves(actualDays).orElse(null));
        }
    }

    private static final int ITEMS_MAX = 100_000;
    private static final int NUMBER_MAX = 999_999_999;
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("100000000");
    private static final BigDecimal BOUND_LIMIT = new BigDecimal("10000000000");

    private final BacklogItemRepository items;
    private final BacklogBackupRepository backups;
    private final WorkstreamRepository workstreams;
    private final TemplateRepository templates;
    private final TeamAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BacklogBackup(BacklogItemRepository items, BacklogBackupRepository backups, WorkstreamRepository workstreams,
            TemplateRepository templates, TeamAccess access, Clock clock, ApplicationEventPublisher events) {
        this.items = items;
        this.backups = backups;
        this.workstreams = workstreams;
        this.templates = templates;
        this.access = access;
        this.clock = clock;
        this.events = events;
    }

    /** Everything of the team's backlog but its history, in a stable order: items by number. */
    @Transactional(readOnly = true)
    public Part backup(String teamKey, AccountId by) {
        var membership = facilitator(teamKey, by);
        var team = membership.team().id().value();
        var template = templates.of(team);
        var context = new BacklogItemRepository.Context(team, membership.team().key().value(), workstreams.of(team), template);
        var externalKeys = items.externalKeys(team);
        var risks = backups.risks(team);
        var doneAt = items.doneTimes(team);
        var parts = items.all(context).stream().map(item -> {
            var content = item.content();
            var custom = new LinkedHashMap<String, String>();
            template.customFields().forEach(field -> {
                if (content.customFields().containsKey(field.name())) {
                    custom.put(field.name(), content.customFields().get(field.name()));
                }
            });
            return new ItemPart(item.key().number(), item.key().toString(), content.title(), content.description(),
                    content.technicalNotes(), content.links(), content.acceptanceCriteria(), content.estimate(),
                    content.importance(), content.deadline(), content.deadlineReason(), content.workstream(),
                    content.labels(), content.status(),
                    content.followUpOf() == null ? null : content.followUpOf().number(),
                    content.splitFrom() == null ? null : content.splitFrom().number(), custom,
                    externalKeys.get(item.key().number()), risks.getOrDefault(item.key().number(), List.of()),
                    content.actualDays(), doneAt.get(item.key().number()));
        }).toList();
        var fields = template.customFields().stream()
            .map(field -> new FieldPart(field.name(), field.type(), field.options(), field.requiredForReady()))
            .toList();
        var ready = template.definitionOfReady().stream().sorted().toList();
        return new Part(new TemplatePart(fields, template.importanceInputs(), ready),
                context.workstreams().stream().map(w -> new WorkstreamPart(w.name(), w.description(), w.archived())).toList(),
                parts);
    }

    /** Whether a restore may go into this team: no items, no workstreams, no custom fields. */
    public void checkEmpty(String teamKey, AccountId by) {
        var membership = facilitator(teamKey, by);
        var contents = backups.contents(membership.team().id().value());
        if (!contents.empty()) {
            throw Rejected.conflict("team", "A backup is restored only into an empty team, and " + membership.team().key()
                    + " has " + contents.items() + " items, " + contents.workstreams() + " workstreams and "
                    + contents.customFields() + " custom fields. Create a new team and restore into it.");
        }
    }

    /**
     * Every problem of a backup's backlog, each under its path in the document ({@code items[3].title},
     * {@code template.customFields[0].options}); empty when it can be restored.
     */
    public Map<String, String> problems(Part part) {
        var problems = new LinkedHashMap<String, String>();
        var template = template(part.template(), problems);
        var names = workstreams(part.workstreams(), problems);
        items(part.items(), template, names, problems);
        return problems;
    }

    /**
     * Restores the backlog of a backup into a team, all or nothing; returns how many items it restored. The caller has
     * checked, in the same transaction, that the team is empty ({@link #checkEmpty}) and that the part has no
     * {@link #problems}: a backup of 100,000 items is not checked twice.
     */
    @Transactional
    public int restore(String teamKey, Part part, Account by) {
        var membership = facilitator(teamKey, by.id());
        var team = membership.team().id().value();
        var teamKeyValue = membership.team().key().value();
        var saved = part.template() == null ? new TemplatePart(null, null, List.copyOf(Template.DEFAULT_READY)) : part.template();
        templates.saveReady(team, Set.copyOf(saved.definitionOfReady()), templates.of(team).version());
        templates.saveFields(team, saved.customFields().stream()
            .map(field -> new CustomField(null, field.name().strip(), field.type(), field.options(), field.requiredForReady()))
            .toList());
        templates.saveImportance(team, saved.importanceInputs());
        var now = clock.instant();
        for (var workstream : part.workstreams()) {
            var name = workstream.name().strip();
            workstreams.insert(team, name, workstream.description() == null ? "" : workstream.description().strip(), now);
            if (workstream.archived()) {
                workstreams.archive(team, name, true);
            }
        }
        var context = new BacklogItemRepository.Context(team, teamKeyValue, workstreams.of(team), templates.of(team));
        var ids = new HashMap<Integer, Long>();
        for (var item : part.items()) {
            var created = items.insert(context, item.number(), item.content(), now);
            ids.put(item.number(), created.id().value());
            if (item.doneAt() != null && item.status() == Status.DONE) {
                items.doneAt(created.id(), item.doneAt());
            }
            items.record(created.id(), created.version(), now, by.id().value(), by.displayName(),
                    List.of(new ItemContent.Change("restored", null,
                            "From a backup" + (item.key() == null || item.key().isBlank() ? "" : " of " + item.key().strip()))));
            for (var risk : item.risks()) {
                items.raise(created.id(), risk.text().strip(), risk.author().strip(), risk.raisedAt());
            }
        }
        for (var item : part.items()) {
            if (item.followUpOf() != null || item.splitFrom() != null || item.externalKey() != null) {
                backups.relate(ids.get(item.number()), item.followUpOf() == null ? null : ids.get(item.followUpOf()),
                        item.splitFrom() == null ? null : ids.get(item.splitFrom()),
                        item.externalKey() == null ? null : item.externalKey().strip());
            }
        }
        part.items().stream().mapToInt(ItemPart::number).max().ifPresent(last -> backups.continueAfter(team, last));
        events.publishEvent(new BacklogItemsImported(team, part.items().stream()
            .map(item -> new ItemKey(teamKeyValue, item.number())).toList()));
        return part.items().size();
    }

    private Membership facilitator(String teamKey, AccountId by) {
        var membership = access.reader(teamKey, by);
        if (!membership.facilitator()) {
            throw new Forbidden("Only a facilitator of " + membership.team().key() + " downloads or restores the team's backup.");
        }
        return membership;
    }

    /** The template the items of the backup are checked against (the default one when the backup has none). */
    private static Template template(TemplatePart part, Map<String, String> problems) {
        if (part == null) {
            return new Template(List.of(), Template.DEFAULT_READY, 0);
        }
        var fields = new ArrayList<CustomField>();
        for (int i = 0; i < part.customFields().size(); i++) {
            var field = part.customFields().get(i);
            var prefix = "template.customFields[" + i + "]";
            if (field == null) {
                problems.put(prefix, "Each custom field is an object with a name and a type.");
                continue;
            }
            if (field.options().stream().anyMatch(option -> option == null)) {
                problems.put(prefix + ".options", "Up to 50 options of 1 to 40 characters each.");
                continue;
            }
            fields.add(new CustomField((long) -(i + 1), field.name() == null ? null : field.name().strip(), field.type(),
                    field.options(), field.requiredForReady()));
        }
        if (fields.size() == part.customFields().size()) {
            TeamTemplates.problems(fields).forEach((field, message) -> problems.put("template." + field, message));
        }
        var inputs = new ArrayList<Importance>();
        var inputNames = new HashSet<String>();
        for (int i = 0; i < part.importanceInputs().size(); i++) {
            var input = part.importanceInputs().get(i);
            var prefix = "template.importanceInputs[" + i + "]";
            if (input == null) {
                problems.put(prefix, "Each importance input is an object with a name, a label, a hint, min and max.");
                continue;
            }
            if (!inputNames.add(input.name())) {
                problems.put(prefix + ".name", "There is an input " + input.name() + " already.");
            }
            if (input.label() == null || input.label().isBlank() || input.label().length() > 60) {
                problems.put(prefix + ".label", "An input has a label of 1 to 60 characters.");
            }
            if (input.hint() == null || input.hint().length() > 200) {
                problems.put(prefix + ".hint", "An input has a hint of up to 200 characters (it may be empty).");
            }
            if (!fits(input.min(), BOUND_LIMIT) || !fits(input.max(), BOUND_LIMIT)) {
                problems.put(prefix + ".max", "Bounds have at most 10 digits before the point and 4 after it.");
            }
            inputs.add(input);
        }
        if (inputs.size() > 10) {
            problems.put("template.importanceInputs", "A template asks for at most 10 importance inputs.");
        }
        if (part.definitionOfReady().stream().anyMatch(section -> section == null)) {
            problems.put("template.definitionOfReady", "The Definition of Ready lists sections of the template, like description.");
        }
        // Items are checked against the fields that can hold a value; values for the others are refused by name.
        var usable = fields.stream().filter(field -> field.type() != null && field.name() != null && !field.name().isEmpty()).toList();
        return new Template(usable, inputs.isEmpty() ? Importance.DEFAULT : inputs,
                Set.copyOf(part.definitionOfReady().stream().filter(section -> section != null).toList()), 0);
    }

    private static Set<String> workstreams(List<WorkstreamPart> parts, Map<String, String> problems) {
        var names = new HashSet<String>();
        for (int i = 0; i < parts.size(); i++) {
            var workstream = parts.get(i);
            var prefix = "workstreams[" + i + "]";
            if (workstream == null) {
                problems.put(prefix, "Each workstream is an object with a name.");
                continue;
            }
            var wrong = Workstream.problems(workstream.name(), workstream.description());
            wrong.forEach((field, message) -> problems.put(prefix + "." + field, message));
            if (!wrong.containsKey("name") && !names.add(workstream.name().strip())) {
                problems.put(prefix + ".name", "There is a workstream " + workstream.name().strip() + " already.");
            }
        }
        return names;
    }

    private static void items(List<ItemPart> parts, Template template, Set<String> workstreams, Map<String, String> problems) {
        if (parts.size() > ITEMS_MAX) {
            problems.put("items", "A backup holds at most " + ITEMS_MAX + " items.");
            return;
        }
        var numbers = new HashSet<Integer>();
        parts.stream().filter(item -> item != null && item.number() != null).forEach(item -> numbers.add(item.number()));
        var seenNumbers = new HashSet<Integer>();
        var seenExternalKeys = new HashSet<String>();
        for (int i = 0; i < parts.size(); i++) {
            var item = parts.get(i);
            var prefix = "items[" + i + "]";
            if (item == null) {
                problems.put(prefix, "Each item is an object with a number and a title.");
                continue;
            }
            if (item.number() == null || item.number() < 1 || item.number() > NUMBER_MAX) {
                problems.put(prefix + ".number", "An item has a number from 1 to " + NUMBER_MAX + ".");
            }
            else if (!seenNumbers.add(item.number())) {
                problems.put(prefix + ".number", "There is an item " + item.number() + " already.");
            }
            var content = item.content();
            var kept = new LinkedHashMap<String, BigDecimal>();
            content.importance().forEach((name, amount) -> {
                if (!fits(amount, AMOUNT_LIMIT)) {
                    problems.put(prefix + ".importance." + name, "An importance value is a number with at most 8 digits before the point and 4 after it.");
                }
                else if (template.importance(name).isEmpty() && name.matches("[a-z][A-Za-z0-9]{0,39}")) {
                    kept.put(name, amount);
                }
            });
            // Values for inputs the template no longer asks for are kept, unused, as an edit keeps them.
            var before = new ItemContent("", "", "", null, null, null, kept, null, "", null, null, null, null, null, null, null);
            ItemRules.problems(content, before, template, workstreams)
                .forEach((field, message) -> problems.putIfAbsent(prefix + "." + field, message));
            if (item.actualDays() != null && ItemRules.actualHalves(item.actualDays()).isEmpty()) {
                problems.put(prefix + ".actualDays", ItemRules.actualOutOfRange());
            }
            relation(prefix + ".followUpOf", item.followUpOf(), item.number(), numbers, problems);
            relation(prefix + ".splitFrom", item.splitFrom(), item.number(), numbers, problems);
            if (item.externalKey() != null) {
                var external = item.externalKey().strip();
                if (external.isEmpty() || external.length() > ImportedItem.EXTERNAL_KEY_MAX) {
                    problems.put(prefix + ".externalKey", "An external key has 1 to " + ImportedItem.EXTERNAL_KEY_MAX + " characters.");
                }
                else if (!seenExternalKeys.add(external)) {
                    problems.put(prefix + ".externalKey", "Another item has the external key " + external + " already.");
                }
            }
            for (int r = 0; r < item.risks().size(); r++) {
                var risk = item.risks().get(r);
                var riskPrefix = prefix + ".risks[" + r + "]";
                if (risk == null) {
                    problems.put(riskPrefix, "Each risk is an object with a text, an author and when it was raised.");
                    continue;
                }
                if (risk.text() == null || risk.text().isBlank() || risk.text().strip().length() > 1000) {
                    problems.put(riskPrefix + ".text", "Say in one line (up to 1,000 characters) what the risk is.");
                }
                if (risk.author() == null || risk.author().isBlank() || risk.author().strip().length() > 80) {
                    problems.put(riskPrefix + ".author", "A risk has an author of 1 to 80 characters.");
                }
                if (risk.raisedAt() == null) {
                    problems.put(riskPrefix + ".raisedAt", "Say when the risk was raised, like 2026-11-27T09:30:00Z.");
                }
            }
        }
    }

    private static void relation(String field, Integer target, Integer self, Set<Integer> numbers, Map<String, String> problems) {
        if (target == null) {
            return;
        }
        if (!numbers.contains(target)) {
            problems.put(field, "There is no item " + target + " in the backup.");
        }
        else if (target.equals(self)) {
            problems.put(field, "An item cannot point to itself.");
        }
    }

    /** Whether a number fits a column with four decimals and this bound on its size. */
    private static boolean fits(BigDecimal value, BigDecimal limit) {
        return value != null && value.abs().compareTo(limit) < 0 && value.stripTrailingZeros().scale() <= 4;
    }
}
