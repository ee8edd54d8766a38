package dev.refinery.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds what a browser would run or load in a piece of HTML: script-capable elements, event handler
 * attributes, style attributes, and URLs that are not http(s) or mailto. Text is not looked at: escaped text
 * such as {@code &lt;script&gt;} is inert.
 */
public final class ActiveContent {

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");
    private static final List<String> ACTIVE_ELEMENTS = List.of("script", "iframe", "object", "embed", "svg", "math",
            "img", "style", "link", "meta", "base", "form", "input", "button", "frame", "frameset", "video", "audio");

    private static final List<String> PAGE_ELEMENTS = List.of("form", "input", "button", "meta", "link");

    private ActiveContent() {
    }

    /** In a fragment of user content: nothing active at all. */
    public static List<String> in(String html) {
        return find(html, false);
    }

    /**
     * In a whole page of ours: its own forms and its scripts from {@code /webjars/} are expected; anything else
     * active came from what people wrote.
     */
    public static List<String> onPage(String html) {
        return find(html, true);
    }

    private static List<String> find(String html, boolean page) {
        var found = new ArrayList<String>();
        var tags = TAG.matcher(html);
        while (tags.find()) {
            var element = tags.group(1).toLowerCase(Locale.ROOT);
            var ours = page && (PAGE_ELEMENTS.contains(element)
                    || element.equals("script") && tags.group(2).matches("\\s*src=\"/webjars/[^\"]+\"( defer)?\\s*"));
            if (ACTIVE_ELEMENTS.contains(element) && !ours) {
                found.add("element " + tags.group());
            }
            var attributes = ATTRIBUTE.matcher(tags.group(2));
            while (attributes.find()) {
                var name = attributes.group(1).toLowerCase(Locale.ROOT);
                var value = attributes.group(2).replaceAll("^[\"']|[\"']$", "").strip().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc") || name.equals("formaction")) {
                    found.add("attribute " + tags.group());
                }
                if ((name.equals("href") || name.equals("src") || name.equals("action"))
                        && !(value.isEmpty() || value.startsWith("http://") || value.startsWith("https://") || value.startsWith("mailto:")
                                || value.startsWith("/") || value.startsWith("#"))) {
                    found.add("url " + tags.group());
                }
            }
        }
        return found;
    }
}
