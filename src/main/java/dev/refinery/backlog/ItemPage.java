package dev.refinery.backlog;

import java.util.List;

import dev.refinery.shared.FieldErrors;

/**
 * The item page: every section, the readiness, the history, the follow-up and split forms, and the deadline's
 * at-risk badge ("62 % by 1 Mar", null when not at risk).
 */
public record ItemPage(String team, String teamName, ItemView view, List<SectionView> sections, List<HistoryLine> history,
        List<Risk> risks, Related related, boolean canEdit, FieldErrors errors, String followUpTitle, String splitTitles,
        String deadlineRisk) {

    public String itemUrl() {
        return "/teams/" + team + "/items/" + view.key();
    }

    public SectionView section(ItemSection section) {
        return sections.stream().filter(s -> s.section() == section).findFirst().orElseThrow();
    }

    public List<SectionView> body() {
        return sections.stream().filter(s -> s.section() != ItemSection.TITLE).toList();
    }
}
