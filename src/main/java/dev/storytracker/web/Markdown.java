package dev.storytracker.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import io.quarkus.qute.RawString;

/**
 * Renders user markdown to HTML that is safe to put in a page: raw HTML in the markdown is escaped by the renderer,
 * and the result is cleaned again by an allow-list, so no script, event handler, style or {@code javascript:} URL can
 * survive. Links to other sites get {@code rel="nofollow ugc noopener"}. Bidi controls are dropped
 * ({@link BidiControls}), so a story cannot reorder the text of the page around it.
 */
@ApplicationScoped
public class Markdown {

    /** Markdown longer than this is not rendered (the largest stored text is a 256 KiB body). */
    public static final int MAX_INPUT = 512 * 1024;

    /**
     * How much markdown and HTML the render cache holds, in characters (about 16 MB as Latin-1, 32 MB at most):
     * some 600 stories of 13 KB. A text over a sixteenth of it is rendered every time.
     */
    static final long MAX_CACHED_CHARS = 16L * 1024 * 1024;

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create(),
            HeadingAnchorExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).maxOpenBlockParsers(64).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("del", "s", "hr")
            .addAttributes("code", "class")
            .addAttributes(":all", "id")
            .addAttributes("a", "rel")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(true);

    public RawString render(String markdown) {
        return new RawString(toHtml(markdown));
    }

    /** Rendered pages by their markdown, least recently used first; the output depends on nothing else. */
    private final Map<String, String> rendered = new LinkedHashMap<>(256, 0.75f, true);
    private long cachedChars;

    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        synchronized (rendered) {
            String html = rendered.get(markdown);
            if (html != null) {
                return html;
            }
        }
        String html = renderNow(markdown);
        if (markdown.length() + html.length() <= MAX_CACHED_CHARS / 16) {
            synchronized (rendered) {
                String previous = rendered.put(markdown, html);
                cachedChars += markdown.length() + html.length()
                        - (previous == null ? 0 : markdown.length() + previous.length());
                for (var oldest = rendered.entrySet().iterator(); cachedChars > MAX_CACHED_CHARS;) {
                    var entry = oldest.next();
                    cachedChars -= entry.getKey().length() + entry.getValue().length();
                    oldest.remove();
                }
            }
        }
        return html;
    }

    private static String renderNow(String markdown) {
        String text = BidiControls.strip(markdown.length() > MAX_INPUT ? markdown.substring(0, MAX_INPUT) : markdown);
        String html = RENDERER.render(PARSER.parse(text));
        Document dirty = Jsoup.parseBodyFragment(html, "https://tracker.invalid/");
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element code : clean.select("code[class]")) {
            String classes = code.className();
            if (!classes.matches("language-[A-Za-z0-9_+-]{1,40}")) {
                code.removeAttr("class");
            }
        }
        for (Element id : clean.select("[id]")) {
            // Heading anchors only; a user cannot plant arbitrary ids that clash with the page's own.
            if (!id.tagName().matches("h[1-6]") || !id.id().matches("[a-z0-9-]{1,100}")) {
                id.removeAttr("id");
            } else {
                id.attr("id", "md-" + id.id());
            }
        }
        for (Element link : clean.select("a[href]")) {
            String href = link.attr("href");
            if (href.startsWith("#")) {
                link.attr("href", "#md-" + href.substring(1));
                link.removeAttr("rel");
            } else {
                link.attr("rel", "nofollow ugc noopener");
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
