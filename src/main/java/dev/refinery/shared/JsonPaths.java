package dev.refinery.shared;

import tools.jackson.core.JacksonException;

/** Where in a JSON document a value could not be read, as the field path people see next to the problem. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The path of the value, such as {@code items[3].title}; empty for the document itself. */
    public static String of(JacksonException json) {
        var field = new StringBuilder();
        for (var step : json.getPath()) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            }
            else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
