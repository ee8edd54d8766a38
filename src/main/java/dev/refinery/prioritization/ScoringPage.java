package dev.refinery.prioritization;

import java.util.List;

import dev.refinery.shared.FieldErrors;

public record ScoringPage(String team, String teamName, QueueController.ScoringForm form, List<ScoringModels.Preview> preview,
        boolean canChoose, FieldErrors errors, boolean saved) {

    public ModelKind[] kinds() {
        return ModelKind.values();
    }
}
