package dev.refinery.exchange;

import java.util.List;
import java.util.Map;

import dev.refinery.shared.FieldErrors;

/** What the import pages show. */
public final class ImportPages {

    private ImportPages() {
    }

    /** The upload form and the team's latest imports. */
    public record Start(String team, String teamName, boolean canImport, List<ImportFormat> formats, String format,
            List<ImportJob> recent, FieldErrors errors) {
    }

    /**
     * The step before an import starts: for a CSV its first rows and a target for each column ({@code preview}), for
     * a Jira or GitHub file what it will give with the person's choices ({@code issues}); the other one is null.
     */
    public record Mapping(String team, String teamName, ImportJob job, ImportJobs.Preview preview, FilePreview issues,
            Map<String, String> chosen, FieldErrors errors) {

        /** Where a column goes: as the person chose it, else as saved or suggested. */
        public String target(String header) {
            return chosen.getOrDefault(header, preview.mapping().getOrDefault(header, ColumnTarget.IGNORE));
        }

        /** Each header once, in file order (Jira repeats some), for one choice per header. */
        public List<String> headers() {
            return preview.headers().stream().distinct().toList();
        }
    }

    /** One import as it runs and how it ended. */
    public record Job(String team, String teamName, ImportJob job, boolean canImport) {
    }
}
