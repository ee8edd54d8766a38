package dev.refinery.exchange;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

/** The kinds of file an import reads. */
public enum ImportFormat implements Coded {
    CSV("csv", "CSV, with a mapping of its columns"),
    JIRA_CSV("jira-csv", "Jira CSV export"),
    GITHUB_JSON("github-json", "GitHub issues (JSON from the REST API or gh issue list --json)");

    private final String code;
    private final String label;

    ImportFormat(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    static Optional<ImportFormat> of(String code) {
        return Coded.of(values(), code);
    }
}
