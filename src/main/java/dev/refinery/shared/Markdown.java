package dev.refinery.shared;

import java.util.List;

import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import gg.jte.Content;

/**
 * Markdown that people write (descriptions, notes) as HTML that is safe to put on a page: commonmark renders
 * it with raw HTML escaped, and the OWASP sanitizer then keeps only formatting, struck text, blocks, tables and http(s)
 * or mailto links. No script, event handler or {@code javascript:} URL survives either step.
 */
public final class Markdown {

    /** Tables, and struck text between two tildes each side (one tilde stays as it is: "~5 days" is an approximation). */
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.builder().requireTwoTildes(true).build());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
        .extensions(EXTENSIONS)
        .escapeHtml(true)
        .sanitizeUrls(true)
        .build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
        .and(Sanitizers.BLOCKS)
        .and(Sanitizers.LINKS)
        .and(Sanitizers.TABLES)
        .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr").toFactory());

    private Markdown() {
    }

    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** The safe HTML as template content: jte writes it as it is, since it is sanitised already. */
    public static Content render(String markdown) {
        var html = toHtml(markdown);
        return output -> output.writeContent(html);
    }
}
