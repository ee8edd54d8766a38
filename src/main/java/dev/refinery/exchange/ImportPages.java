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

    /** The mapping step of a CSV import: its first rows and a target for each column. */
    public record Mapping(String team, String teamName, ImportJob job, ImportJobs.Preview preview, Map<String, String> chosen,
            FieldErrors errors) {

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
