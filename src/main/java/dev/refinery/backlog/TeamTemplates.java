package dev.refinery.backlog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.identity.AccountId;
import dev.refinery.shared.Rejected;

/**
 * A team's template: its custom fields and its Definition of Ready. Members read it; facilitators change it,
 * against the version they saw.
 */
@Component
public class TeamTemplates {

    private final TemplateRepository templates;
    private final TeamAccess access;

    TeamTemplates(TemplateRepository templates, TeamAccess access) {
        this.templates = templates;
        this.access = access;
    }

    public Template of(String teamKey, AccountId viewer) {
        return templates.of(access.reader(teamKey, viewer).team().id().value());
    }

    @Transactional
    public Template save(String teamKey, Template template, AccountId by) {
        var team = access.facilitator(teamKey, by).team().id().value();
        var problems = problems(template.customFields());
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (!templates.saveReady(team, template.definitionOfReady(), template.version())) {
            throw Rejected.conflict("version", "Somebody changed the template since you opened it: reload it and try again.");
        }
        templates.saveFields(team, template.customFields());
        return templates.of(team);
    }

    /**
     * The importance inputs the team's items ask for from now on, as its scoring model declares them (whoever
     * may choose the model decides; observers never). Values items already have for other inputs are kept,
     * unused.
     */
    @Transactional
    public Template askForImportance(String teamKey, List<Importance> inputs, AccountId by) {
        var team = access.writer(teamKey, by).team().id().value();
        templates.saveImportance(team, inputs);
        return templates.of(team);
    }

    static LinkedHashMap<String, String> problems(List<CustomField> fields) {
        var problems = new LinkedHashMap<String, String>();
        if (fields.size() > 30) {
            problems.put("customFields", "A template has at most 30 custom fields.");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            var field = fields.get(i);
            var prefix = "customFields[" + i + "].";
            if (field.name() == null || field.name().isBlank() || field.name().length() > 60) {
                problems.put(prefix + "name", "A field has a name of 1 to 60 characters.");
            }
            else if (!names.add(field.name())) {
                problems.put(prefix + "name", "There is a field " + field.name() + " already.");
            }
            if (field.type() == null) {
                problems.put(prefix + "type", "A field is text, number, select, date or checkbox.");
            }
            else if (field.type() == CustomField.Type.SELECT && field.options().isEmpty()) {
                problems.put(prefix + "options", "A select field needs at least one option.");
            }
            if (field.options().size() > 50 || field.options().stream().anyMatch(o -> o.isBlank() || o.length() > 40)) {
                problems.put(prefix + "options", "Up to 50 options of 1 to 40 characters each.");
            }
        }
        return problems;
    }
}
