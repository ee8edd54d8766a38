package dev.refinery.exchange;

import tools.jackson.databind.JsonNode;

/**
 * A Jira Cloud description in the Atlassian Document Format as Markdown that Refinery's renderer shows well; never
 * throws, whatever the shape of the document.
 */
public final class AdfMarkdown {

    private AdfMarkdown() {
    }

    /** The document as Markdown; "" for null, a missing node or anything that is not a {@code doc}. */
    public static String markdown(JsonNode adf) {
        return "";
    }
}
