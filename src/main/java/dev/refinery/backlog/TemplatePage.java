package dev.refinery.backlog;

import java.util.List;

import dev.refinery.shared.FieldErrors;

/** The team's template settings: Definition of Ready and custom fields, rows as the form sends them. */
public record TemplatePage(String team, String teamName, Template template, List<Row> rows, boolean canEdit,
        FieldErrors errors, boolean saved) {

    public record Row(String name, String type, String options, boolean required) {
    }

    public Section[] sections() {
        return Section.values();
    }

    public CustomField.Type[] types() {
        return CustomField.Type.values();
    }
}
