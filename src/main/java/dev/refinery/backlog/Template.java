package dev.refinery.backlog;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A team's template: its custom fields and its Definition of Ready. */
public record Template(List<CustomField> customFields, List<Importance> importanceInputs, Set<Section> definitionOfReady,
        int version) {

    public static final Set<Section> DEFAULT_READY = EnumSet.of(Section.DESCRIPTION, Section.ACCEPTANCE_CRITERIA,
            Section.ESTIMATE);

    public Template {
        customFields = List.copyOf(customFields);
        importanceInputs = List.copyOf(importanceInputs);
        definitionOfReady = definitionOfReady.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(definitionOfReady));
    }

    /** A template with the default importance inputs (those of WSJF). */
    public Template(List<CustomField> customFields, Set<Section> definitionOfReady, int version) {
        this(customFields, Importance.DEFAULT, definitionOfReady, version);
    }

    public Optional<Importance> importance(String name) {
        return importanceInputs.stream().filter(input -> input.name().equals(name)).findFirst();
    }

    public Optional<CustomField> field(String name) {
        return customFields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    public boolean requires(Section section) {
        return definitionOfReady.contains(section);
    }
}
