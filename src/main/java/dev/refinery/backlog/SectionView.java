package dev.refinery.backlog;

import java.util.List;

import dev.refinery.shared.FieldErrors;

/**
 * One section of the item page, shown or being edited: the htmx fragment swaps it in place, and the full
 * page is made of them.
 */
public record SectionView(String team, ItemView view, ItemSection section, boolean editing, SectionForm form,
        FieldErrors errors, String message, Template template, List<Workstream> workstreams, boolean canEdit) {

    public String itemUrl() {
        return "/teams/" + team + "/items/" + view.key();
    }

    public String url() {
        return itemUrl() + "/sections/" + section.code();
    }

    public String id() {
        return "section-" + section.code();
    }

    public int version() {
        return view.item().version();
    }

    public ItemContent content() {
        return view.content();
    }

    public List<Importance> importanceInputs() {
        return template.importanceInputs();
    }

    public Status[] statuses() {
        return Status.values();
    }
}
