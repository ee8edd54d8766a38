package dev.refinery.backlog;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A line of work a team refines separately: a sub-project, a feature, a kind of work. */
public record Workstream(@JsonIgnore WorkstreamId id, String name, String description, boolean archived) {

    /** The longest name a workstream has, in characters. */
    public static final int NAME_MAX = 80;
    static final int DESCRIPTION_MAX = 2000;

    /** Why a workstream with this name and description cannot be saved, by field; empty when it can. */
    static Map<String, String> problems(String name, String description) {
        var problems = new LinkedHashMap<String, String>();
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
            problems.put("name", "A workstream has a name of 1 to " + NAME_MAX + " characters.");
        }
        if (description != null && description.length() > DESCRIPTION_MAX) {
            problems.put("description", "A description has at most 2,000 characters.");
        }
        return problems;
    }
}
