package dev.refinery.backlog;

import java.util.List;

import dev.refinery.shared.FieldErrors;

public record WorkstreamsPage(String team, String teamName, List<Workstream> workstreams, boolean canEdit, String name,
        String description, FieldErrors errors) {
}
