package dev.refinery.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.refinery.backlog.Criterion;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ImportedItem;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.backlog.Status;
import dev.refinery.backlog.Workstream;
import dev.refinery.exchange.ImportChoices.LabelKind;

/**
 * Items from Jira's "Export CSV (all fields)", comma or semicolon separated, in the layouts Jira has written
 * since 2016 (old names such as "Custom field (Epic Link)" and "Parent id", new ones such as "Parent key" and
 * "Parent summary"). An item's external key is the issue key with "jira:" before it ("jira:PAY-17"), so that it
 * never meets a key from another tool. Epics name the workstreams of their issues (their Epic Name or summary
 * when their row is in the file), and are items too only when the person chooses it. A sub-task is a part of its
 * parent. The description and acceptance criteria are turned from Jira's wiki markup into Markdown; priority
 * becomes a label ("priority-high"), and so do issue type, components, fix versions and sprints as far as the
 * person keeps them ("type:bug", "component:api", "fix:2.3", "sprint:Sprint 12").
 */
final class JiraCsvItems {

    static final String KEY_PREFIX = "jira:";

    private static final List<String> POINTS = List.of(
            "Custom field (Story Points)", "Story Points", "Custom field (Story point estimate)", "Story point estimate");
    private static final List<String> EPIC_LINK = List.of("Custom field (Epic Link)", "Epic Link");
    private static final List<String> EPIC_NAME = List.of("Custom field (Epic Name)", "Epic Name");
    private static final List<String> COMPONENTS = List.of("Component/s", "Components");
    /** Columns of people, each beside a column of their account ids: the names that mentions ([~accountid:…]) show. */
    private static final List<String> PEOPLE = List.of("Assignee", "Reporter", "Creator", "Watchers");
    private static final List<String> FIX_VERSIONS = List.of("Fix Version/s", "Fix versions");
    private static final List<DateTimeFormatter> DUE_DATES = List.of(
            Cell.pattern("d/MMM/uu h:mm a"), Cell.pattern("d/MMM/uu"), Cell.pattern("d/MMM/uuuu h:mm a"),
            Cell.pattern("d/MMM/uuuu"), Cell.pattern("uuuu-MM-dd"), Cell.pattern("uuuu-MM-dd HH:mm"),
            Cell.pattern("uuuu-MM-dd HH:mm:ss"));
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*#]+|\\d+\\.)\\s+");
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-\\d+");
    private static final Set<String> CATEGORIES = Set.of("to do", "new", "in progress", "indeterminate", "done", "complete");
    private static final Set<String> SUB_TASK_TYPES = Set.of("sub-task", "subtask");
    private static final int LABELS_MAX = 30;
    private static final int LABEL_MAX = 40;
    private static final BigDecimal POINTS_MAX = BigDecimal.valueOf(Estimate.MAX_HALVES / 2);

    /** Words in the names of statuses that Jira teams make up, and where such an issue is in Refinery. */
    private static final List<Map.Entry<Pattern, Status>> STATUS_NAMES = List.of(
            Map.entry(Pattern.compile("\\b(?:won'?t|wont|cancel|reject|duplicate|invalid|obsolete|declined|abandon)"), Status.REMOVED),
            Map.entry(Pattern.compile("\\b(?:done|closed|resolved|verified|released|deployed|shipped|complete|accepted|fixed)"),
                    Status.DONE),
            Map.entry(Pattern.compile("\\b(?:progress|review|test|qa|staging|develop|doing|implement|started|merge)"), Status.PLANNED),
            Map.entry(Pattern.compile("\\b(?:wish|idea|draft|triage|funnel|proposed)"), Status.DRAFT));

    private JiraCsvItems() {
    }

    /**
     * @throws IllegalArgumentException when the file has no Summary or no Issue key column, or its first line
     *         cannot be read
     */
    static Reading read(String text, ImportChoices choices) {
        return read(CsvTable.read(text), choices);
    }

    /** The same, from a table already read (issues pulled from Jira Cloud are laid out as its export has them). */
    static Reading read(CsvTable table, ImportChoices choices) {
        var columns = new Columns(table);
        var issues = new Issues(table, columns);
        var changed = new Changed();
        var stories = choices.epicsAsItems() ? table
                : new CsvTable(table.headers(), table.rows().stream().filter(row -> !issues.epic(row)).toList(), table.errors());
        var reading = stories.items(row -> item(table, row, columns, issues, choices, changed));
        var notes = new ArrayList<String>();
        if (issues.epics() > 0 && !choices.epicsAsItems()) {
            notes.add(issues.epics() == 1 ? "1 epic became a workstream, not an item"
                    : "%,d epics became workstreams, not items".formatted(issues.epics()));
        }
        note(notes, changed.crowded(), "issue had", "issues had",
                "more than " + LABELS_MAX + " labels: the last ones were left out");
        note(notes, changed.rounded(), "story point value was", "story point values were",
                "rounded up to the next half point");
        note(notes, changed.outOfRange(), "story point value was", "story point values were",
                "left out: Refinery takes 0 to 999 points");
        return new Reading(reading.items(), reading.errors(), issues.epicWorkstreams(), notes);
    }

    /**
     * Which columns of the file are read into which fields with these choices, which are not, and the statuses of
     * rows without a status category, in the order they first appear.
     *
     * @throws IllegalArgumentException as {@link #read} does
     */
    static FileLayout layout(String text, ImportChoices choices) {
        var table = CsvTable.read(text);
        var columns = new Columns(table);
        var uses = columns.uses(choices);
        var read = new ArrayList<FileLayout.FieldUse>();
        var ignored = new ArrayList<String>();
        for (int column = 0; column < table.headers().size(); column++) {
            var header = table.headers().get(column);
            var use = uses.get(column);
            if (use != null) {
                read.add(new FileLayout.FieldUse(header, use));
            }
            else if (!ignored.contains(header)) {
                ignored.add(header);
            }
        }
        var statuses = new LinkedHashMap<String, Status>();
        for (var row : table.rows()) {
            var category = first(table, row, columns.statusCategory());
            if (!categorised(category)) {
                first(table, row, columns.status()).ifPresent(name -> statuses.putIfAbsent(name.stripped(), byName(name)));
            }
        }
        return new FileLayout(read.stream().distinct().toList(), ignored, statuses.entrySet().stream()
            .map(status -> new FileLayout.StatusName(status.getKey(), status.getValue())).toList());
    }

    /** The rows whose values were changed on the way in, by what was changed, for the job's message. */
    private record Changed(List<Integer> crowded, List<Integer> rounded, List<Integer> outOfRange) {

        Changed() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    static void note(List<String> notes, List<Integer> rows, String one, String many, String what) {
        if (rows.isEmpty()) {
            return;
        }
        notes.add((rows.size() == 1 ? "1 " + one : "%,d %s".formatted(rows.size(), many)) + " " + what + " (row"
                + (rows.size() == 1 ? " " : "s ") + String.join(", ", rows.stream().limit(10).map(String::valueOf).toList())
                + (rows.size() > 10 ? ", …" : "") + ")");
    }

    /** Where the columns a Jira export may have are in this file. */
    private record Columns(int summary, int key, List<Integer> id, List<Integer> type, List<Integer> description,
            List<Integer> points, List<Integer> labels, List<Integer> due, List<Integer> priority, List<Integer> status,
            List<Integer> statusCategory, List<Integer> epicLink, List<Integer> epicName, List<Integer> parentId,
            List<Integer> parent, List<Integer> parentKey, List<Integer> parentSummary, List<Integer> components,
            List<Integer> fixVersions, List<Integer> sprints, List<Integer> criteria, List<Integer> attachments,
            Map<Integer, Integer> people) {

        Columns(CsvTable table) {
            this(required(table, "Summary"), required(table, "Issue key"), table.columns("Issue id"),
                    table.columns("Issue Type"), table.columns("Description"), all(table, POINTS),
                    table.columns("Labels"), table.columns("Due date"), table.columns("Priority"),
                    table.columns("Status"), table.columns("Status Category"), all(table, EPIC_LINK),
                    all(table, EPIC_NAME), table.columns("Parent id"), table.columns("Parent"),
                    table.columns("Parent key"), table.columns("Parent summary"), all(table, COMPONENTS),
                    all(table, FIX_VERSIONS), table.columns("Sprint"), table.columns("Custom field (Acceptance Criteria)"),
                    table.columns("Attachment"), people(table));
        }

        /** The columns of people's account ids ("Assignee Id"), each with the column of their names ("Assignee"). */
        private static Map<Integer, Integer> people(CsvTable table) {
            var people = new HashMap<Integer, Integer>();
            for (var name : PEOPLE) {
                var names = table.columns(name);
                var ids = table.columns(name + " Id");
                for (int i = 0; i < Math.min(names.size(), ids.size()); i++) {
                    people.put(ids.get(i), names.get(i));
                }
            }
            return people;
        }

        /** What each column read with these choices becomes, by its index. */
        Map<Integer, String> uses(ImportChoices choices) {
            var uses = new HashMap<Integer, String>();
            uses.put(summary, "Title");
            uses.put(key, "Key (jira:KEY), to find it again");
            use(uses, id, "Parent of its sub-tasks");
            use(uses, type, choices.labels(LabelKind.TYPE) ? "Label type:…, epics and sub-tasks" : "Epics and sub-tasks");
            use(uses, description, "Description (wiki markup to Markdown)");
            use(uses, points, "Estimate (points)");
            use(uses, labels, "Labels");
            use(uses, due, "Deadline");
            use(uses, priority, "Label priority-…");
            use(uses, status, "Status");
            use(uses, statusCategory, "Status");
            use(uses, epicLink, "Workstream (the epic's name)");
            use(uses, epicName, "Workstream name of an epic");
            use(uses, parentId, "Part of (sub-tasks)");
            use(uses, parent, "Part of, or workstream");
            use(uses, parentKey, "Part of, or workstream");
            use(uses, parentSummary, "Workstream (the parent's summary)");
            labels(uses, components, LabelKind.COMPONENT, choices);
            labels(uses, fixVersions, LabelKind.FIX_VERSION, choices);
            labels(uses, sprints, LabelKind.SPRINT, choices);
            use(uses, criteria, "Acceptance criteria");
            use(uses, attachments, "Links of the images in the description");
            people.forEach((id, name) -> {
                uses.putIfAbsent(id, "Names of the people mentioned");
                uses.putIfAbsent(name, "Names of the people mentioned");
            });
            return uses;
        }

        private static void use(Map<Integer, String> uses, List<Integer> columns, String field) {
            columns.forEach(column -> uses.putIfAbsent(column, field));
        }

        /** Columns that become labels of a kind are read only when the person keeps that kind. */
        private static void labels(Map<Integer, String> uses, List<Integer> columns, LabelKind kind, ImportChoices choices) {
            if (choices.labels(kind)) {
                use(uses, columns, "Label " + kind.prefix() + ":…");
            }
        }

        private static int required(CsvTable table, String name) {
            var columns = table.columns(name);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("This is not a Jira CSV export: it has no " + name + " column.");
            }
            return columns.getFirst();
        }

        private static List<Integer> all(CsvTable table, List<String> names) {
            return names.stream().flatMap(name -> table.columns(name).stream()).toList();
        }
    }

    /** The issues of the file by key and by id, and the names of its epics, to find parents and workstreams. */
    private static final class Issues {

        private final CsvTable table;
        private final Columns columns;
        private final Map<String, CsvTable.Row> byKey = new HashMap<>();
        private final Map<String, String> keyById = new HashMap<>();
        private final Map<String, String> epicNames = new HashMap<>();
        private final Map<String, String> people;

        Issues(CsvTable table, Columns columns) {
            this.table = table;
            this.columns = columns;
            var people = new HashMap<String, String>();
            for (var row : table.rows()) {
                var key = row.cell(table, columns.key()).stripped();
                if (key.isEmpty()) {
                    continue;
                }
                byKey.putIfAbsent(key, row);
                columns.people().forEach((id, name) -> {
                    var account = row.cell(table, id).stripped();
                    var person = row.cell(table, name).stripped();
                    if (!account.isEmpty() && !person.isEmpty()) {
                        people.putIfAbsent(account, person);
                    }
                });
                first(table, row, columns.id()).ifPresent(id -> keyById.putIfAbsent(id.stripped(), key));
                if (epic(row)) {
                    var name = first(table, row, columns.epicName()).or(() -> first(table, row, List.of(columns.summary())));
                    name.ifPresent(cell -> epicNames.put(key, cell.stripped()));
                }
            }
            this.people = Map.copyOf(people);
        }

        /** People's names by their account ids, as the file holds them in any row; the same map for every row. */
        Map<String, String> people() {
            return people;
        }

        int epics() {
            return epicNames.size();
        }

        /** The workstreams the epics of the file become, in the order of their rows. */
        List<String> epicWorkstreams() {
            return table.rows().stream().filter(this::epic)
                .map(row -> epicNames.get(row.cell(table, columns.key()).stripped()))
                .filter(name -> name != null && !name.isBlank())
                .map(name -> shortened(name, Workstream.NAME_MAX))
                .distinct().toList();
        }

        boolean epic(CsvTable.Row row) {
            return type(row).equals("epic");
        }

        private String type(CsvTable.Row row) {
            return first(table, row, columns.type()).map(cell -> cell.stripped().toLowerCase(Locale.ROOT)).orElse("");
        }

        /** The key of the issue's parent: its Parent key, or its Parent when that holds a key, or the key of the issue whose id is its Parent id. */
        Optional<String> parentKey(CsvTable.Row row) {
            var key = first(table, row, columns.parentKey()).map(Cell::stripped);
            if (key.isPresent()) {
                return key;
            }
            var parent = first(table, row, columns.parent()).map(Cell::stripped);
            if (parent.isPresent() && ISSUE_KEY.matcher(parent.get()).matches()) {
                return parent;
            }
            return first(table, row, columns.parentId()).map(Cell::stripped).or(() -> parent)
                .map(keyById::get);
        }

        /** A sub-task by its type ("Sub-task" in older exports, "Subtask" in newer ones). */
        boolean subTask(CsvTable.Row row) {
            return SUB_TASK_TYPES.contains(type(row));
        }

        /**
         * The workstream of an issue: its epic's name (the epic link's, else the parent's when the parent is an epic
         * of the file), else the parent's summary, else the epic's or parent's key; a sub-task is in its parent's.
         */
        Optional<String> workstream(CsvTable.Row row) {
            if (subTask(row)) {
                return parentKey(row).map(byKey::get).flatMap(this::workstreamOfWhole);
            }
            return workstreamOfWhole(row);
        }

        private Optional<String> workstreamOfWhole(CsvTable.Row row) {
            if (epic(row)) {
                // an epic imported as an item, when the person chose so, is in the workstream it names
                return Optional.ofNullable(epicNames.get(row.cell(table, columns.key()).stripped()));
            }
            var link = first(table, row, columns.epicLink()).map(Cell::stripped);
            if (link.isPresent()) {
                return Optional.of(epicNames.getOrDefault(link.get(), link.get()));
            }
            var parentKey = parentKey(row);
            if (parentKey.isPresent() && epicNames.containsKey(parentKey.get())) {
                return Optional.of(epicNames.get(parentKey.get()));
            }
            return first(table, row, columns.parentSummary()).map(Cell::stripped)
                .or(() -> parentKey)
                .or(() -> first(table, row, columns.parent()).map(Cell::stripped));
        }
    }

    private static ImportedItem item(CsvTable table, CsvTable.Row row, Columns columns, Issues issues,
            ImportChoices choices, Changed changed) {
        var patch = ItemPatch.empty().title(row.cell(table, columns.summary()).title());
        var key = KEY_PREFIX + row.cell(table, columns.key()).key(ImportedItem.EXTERNAL_KEY_MAX - KEY_PREFIX.length());
        var references = new JiraWiki.References(issues.people(), attachments(table, row, columns.attachments()));
        first(table, row, columns.description()).ifPresent(cell -> patch.description(JiraWiki.toMarkdown(cell.text(), references)));
        first(table, row, columns.points()).ifPresent(cell -> points(cell, row.number(), changed).ifPresent(patch::estimate));
        first(table, row, columns.due()).ifPresent(cell -> patch.deadline(cell.date(DUE_DATES, "27/Nov/26"), "Due date in Jira"));
        status(first(table, row, columns.status()), first(table, row, columns.statusCategory()), choices.statuses())
            .ifPresent(patch::status);
        issues.workstream(row).ifPresent(name -> patch.workstream(shortened(name, Workstream.NAME_MAX)));
        var labels = new ArrayList<String>();
        all(table, row, columns.labels()).forEach(cell -> labels.add(cell.stripped()));
        first(table, row, columns.priority()).ifPresent(cell -> labels.add("priority-"
                + cell.stripped().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-")));
        if (choices.labels(LabelKind.TYPE)) {
            first(table, row, columns.type()).ifPresent(cell -> labels.add("type:" + cell.stripped().toLowerCase(Locale.ROOT)));
        }
        labels(table, row, columns.components(), LabelKind.COMPONENT, choices, labels);
        labels(table, row, columns.fixVersions(), LabelKind.FIX_VERSION, choices, labels);
        labels(table, row, columns.sprints(), LabelKind.SPRINT, choices, labels);
        var kept = Cell.distinct(labels.stream().map(JiraCsvItems::label).filter(label -> !label.isEmpty()).toList());
        if (kept.size() > LABELS_MAX) {
            changed.crowded().add(row.number());
            kept = kept.subList(0, LABELS_MAX);
        }
        if (!kept.isEmpty()) {
            patch.labels(kept);
        }
        first(table, row, columns.criteria()).map(cell -> criteria(cell.text(), references)).filter(criteria -> !criteria.isEmpty())
            .ifPresent(patch::acceptanceCriteria);
        var partOf = issues.subTask(row) ? issues.parentKey(row).map(parent -> KEY_PREFIX + parent).orElse(null) : null;
        return new ImportedItem(row.number(), key, patch, partOf);
    }

    private static void labels(CsvTable table, CsvTable.Row row, List<Integer> columns, LabelKind kind,
            ImportChoices choices, List<String> labels) {
        if (choices.labels(kind)) {
            all(table, row, columns).forEach(cell -> labels.add(kind.prefix() + ":" + cell.stripped()));
        }
    }

    /**
     * Story points as Refinery keeps them, in halves from 0 to 999: Jira takes any number, so a value between
     * halves is rounded up to the next half and one out of range is left out, each noted by its row.
     */
    private static Optional<Estimate> points(Cell cell, int row, Changed changed) {
        var value = cell.number();
        if (value.signum() < 0 || value.compareTo(POINTS_MAX) > 0) {
            changed.outOfRange().add(row);
            return Optional.empty();
        }
        var halves = value.multiply(BigDecimal.TWO).setScale(0, RoundingMode.CEILING);
        if (halves.compareTo(value.multiply(BigDecimal.TWO)) != 0) {
            changed.rounded().add(row);
        }
        return Optional.of(Estimate.of(halves.divide(BigDecimal.TWO), Estimate.Unit.POINTS));
    }

    /**
     * A status by the issue's status category when the export has one (Jira's own three: To Do, In Progress,
     * Done), else by the person's choice for its name on the preview, else by its name; a name Refinery does not
     * know is read by its words, and needs refinement when none fits. Never ready: that is the team's Definition of
     * Ready to decide, not Jira's.
     */
    static Optional<Status> status(Optional<Cell> name, Optional<Cell> category, Map<String, Status> chosen) {
        var byName = name.map(JiraCsvItems::byName);
        if (category.isPresent()) {
            var word = category.get().stripped().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            var known = byName.orElse(Status.NEEDS_REFINEMENT);
            switch (word) {
                case "to do", "new" -> {
                    return Optional.of(known == Status.DRAFT ? Status.DRAFT : Status.NEEDS_REFINEMENT);
                }
                case "in progress", "indeterminate" -> {
                    return Optional.of(Status.PLANNED);
                }
                case "done", "complete" -> {
                    return Optional.of(known == Status.REMOVED ? Status.REMOVED : Status.DONE);
                }
                default -> {
                    // a category this reader does not know: the name decides, as when there is none
                }
            }
        }
        return name.map(cell -> chosen.getOrDefault(cell.stripped(), byName(cell)));
    }

    private static boolean categorised(Optional<Cell> category) {
        return category.map(cell -> CATEGORIES.contains(cell.stripped().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")))
            .orElse(false);
    }

    private static Status byName(Cell name) {
        var known = name.status().orElse(null);
        if (known != null) {
            return known == Status.READY ? Status.NEEDS_REFINEMENT : known;
        }
        var words = name.stripped().toLowerCase(Locale.ROOT);
        return STATUS_NAMES.stream().filter(entry -> entry.getKey().matcher(words).find()).map(Map.Entry::getValue)
            .findFirst().orElse(Status.NEEDS_REFINEMENT);
    }

    /** A label as Refinery keeps them: commas become spaces, and one longer than 40 characters is cut at a word. */
    static String label(String text) {
        return shortened(text.replace(',', ' ').strip().replaceAll("\\s+", " "), LABEL_MAX);
    }

    /** The text cut to at most {@code max} characters, at the last space when there is one in its second half. */
    static String shortened(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        var cut = text.substring(0, max);
        var space = cut.lastIndexOf(' ');
        return (space >= max / 2 ? cut.substring(0, space) : cut).strip();
    }

    /** The first non-blank value among these columns. */
    private static Optional<Cell> first(CsvTable table, CsvTable.Row row, List<Integer> columns) {
        for (var column : columns) {
            var cell = row.cell(table, column);
            if (!cell.blank()) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /**
     * The addresses of the issue's attachments by file name, from its Attachment cells ("date;author;name;url"); a
     * name may hold semicolons, the address is the last part.
     */
    private static Map<String, String> attachments(CsvTable table, CsvTable.Row row, List<Integer> columns) {
        var attachments = new HashMap<String, String>();
        for (var cell : all(table, row, columns)) {
            var parts = cell.stripped().split(";", -1);
            var url = parts[parts.length - 1].strip();
            if (parts.length >= 4 && (url.startsWith("https://") || url.startsWith("http://"))) {
                var name = String.join(";", Arrays.asList(parts).subList(2, parts.length - 1)).strip();
                attachments.putIfAbsent(name, url);
            }
        }
        return attachments;
    }

    /** Every non-blank value among these columns, in order. */
    private static List<Cell> all(CsvTable table, CsvTable.Row row, List<Integer> columns) {
        var cells = new ArrayList<Cell>(columns.size());
        for (var column : columns) {
            var cell = row.cell(table, column);
            if (!cell.blank()) {
                cells.add(cell);
            }
        }
        return cells;
    }

    private static List<Criterion> criteria(String wiki, JiraWiki.References references) {
        return JiraWiki.toMarkdown(wiki, references).lines()
            .map(line -> BULLET.matcher(line).replaceFirst(""))
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("```"))
            .map(line -> new Criterion(line, false))
            .toList();
    }
}
