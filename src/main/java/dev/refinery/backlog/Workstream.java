package dev.refinery.backlog;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A line of work a team refines separately: a sub-project, a feature, a kind of work. */
public record Workstream(@JsonIgnore WorkstreamId id, String name, String description, boolean archived) {
}
