package dev.refinery.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.refinery.shared.Coded;

/**
 * An import of one file into a team, as it goes: the rows it found, those saved so far, and the rows it
 * refused with why (the first {@link #ERRORS_KEPT}; {@code errorCount} counts them all).
 */
public record ImportJob(long id, String team, ImportFormat format, String fileName, Map<String, String> mapping,
        boolean validRowsOnly, Status status, int totalRows, int savedRows, int added, int alreadyThere, int errorCount,
        List<Reading.RowError> errors, String message, Instant createdAt, Instant updatedAt) {

    static final int ERRORS_KEPT = 100;

    /** A job whose node has not written for this long while it should have is shown as failed. */
    static final Duration SILENT = Duration.ofMinutes(2);

    public enum Status implements Coded {
        MAPPING("mapping"), QUEUED("queued"), CHECKING("checking"), REFUSED("refused"), IMPORTING("importing"),
        DONE("done"), CANCELLED("cancelled"), FAILED("failed");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @Override
        @JsonValue
        public String code() {
            return code;
        }

        static Optional<Status> of(String code) {
            return Coded.of(values(), code);
        }

        public boolean running() {
            return this == QUEUED || this == CHECKING || this == IMPORTING;
        }
    }

    public ImportJob {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        errors = List.copyOf(errors);
    }

    /** The job as people should see it: one whose node went quiet while running has failed. */
    ImportJob seenAt(Instant now) {
        if (status.running() && updatedAt.plus(SILENT).isBefore(now)) {
            return new ImportJob(id, team, format, fileName, mapping, validRowsOnly, Status.FAILED, totalRows, savedRows,
                    added, alreadyThere, errorCount, errors, "The node running this import stopped: nothing was imported.",
                    createdAt, updatedAt);
        }
        return this;
    }

    /** Percent of the rows saved, for the progress bar. */
    @JsonProperty
    public int percent() {
        return status == Status.DONE ? 100 : totalRows == 0 ? 0 : (int) (100L * savedRows / totalRows);
    }

    /** How many rows could be imported if the person chooses to leave out those with problems. */
    @JsonProperty
    public int validRows() {
        return Math.max(0, totalRows - errorCount);
    }

    @JsonIgnore
    public boolean canImportValidRows() {
        return status == Status.REFUSED && errorCount > 0 && validRows() > 0 && !validRowsOnly;
    }
}
