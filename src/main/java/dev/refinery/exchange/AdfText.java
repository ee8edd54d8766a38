package dev.refinery.exchange;

import tools.jackson.databind.JsonNode;

/** An Atlassian Document Format description as Markdown. */
final class AdfText {

    private AdfText() {
    }

    /** Until the full converter lands: the document's text, a paragraph per block. */
    static String markdown(JsonNode document) {
        var text = new StringBuilder();
        collect(document, text);
        return text.toString().strip();
    }

    private static void collect(JsonNode node, StringBuilder text) {
        var type = node.path("type").asString("");
        if (type.equals("text")) {
            text.append(node.path("text").asString(""));
            return;
        }
        if (type.equals("mention")) {
            text.append(node.path("attrs").path("text").asString(""));
            return;
        }
        if (type.equals("hardBreak")) {
            text.append('\n');
            return;
        }
        for (var child : node.path("content")) {
            collect(child, text);
        }
        if (!type.isEmpty() && !type.equals("doc") && !node.path("content").isMissingNode()) {
            text.append("\n\n");
        }
    }
}
