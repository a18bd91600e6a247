package dev.storytracker.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Looks at a page the way a browser would (jsoup parses like one) and lists everything in it that could run code,
 * load something from elsewhere, restyle the page or reorder its text, unless the app itself put it there. An empty
 * list means the page is clean.
 */
public final class HtmlInspector {

    /** The only scripts and stylesheets the app ships. */
    private static final Set<String> OWN_SCRIPTS = Set.of("/js/tracker.js");
    private static final Set<String> OWN_STYLESHEETS = Set.of("/css/tracker.css");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "srcset", "poster", "data", "background", "cite", "codebase", "dynsrc", "lowsrc", "ping", "values", "to",
            "from", "by");
    private static final Set<String> FORBIDDEN_TAGS = Set.of("iframe", "frame", "frameset", "object", "embed",
            "applet", "base", "style", "animate", "set", "animatemotion", "animatetransform", "foreignobject",
            "handler", "listener", "portal", "noembed", "xmp", "plaintext", "isindex");
    private static final Pattern DANGEROUS_SCHEME = Pattern.compile("^(javascript|data|vbscript|livescript):.*",
            Pattern.DOTALL);
    /** Bidi embeddings, overrides and isolates: the app drops them from what it shows (see docs/reliability.md). */
    static final Pattern BIDI_CONTROLS = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    private HtmlInspector() {
    }

    public static Document parse(String html) {
        return Jsoup.parse(html, "http://tracker.test/");
    }

    /** What is wrong with an HTML page; empty when nothing is. */
    public static List<String> findings(Document page) {
        List<String> found = new ArrayList<>();
        for (Element element : page.getAllElements()) {
            String tag = element.normalName();
            if (tag.equals("script")) {
                if (!OWN_SCRIPTS.contains(element.attr("src")) || !element.data().isBlank()) {
                    found.add("a script that is not the app's: " + brief(element));
                }
            }
            if (FORBIDDEN_TAGS.contains(tag)) {
                found.add("a <" + tag + "> element: " + brief(element));
            }
            if (tag.equals("meta") && element.hasAttr("http-equiv")) {
                found.add("a <meta http-equiv>: " + brief(element));
            }
            if (tag.equals("link") && !(OWN_STYLESHEETS.contains(element.attr("href"))
                    || element.attr("href").equals("/feed.xml"))) {
                found.add("a <link> the app did not write: " + brief(element));
            }
            if (tag.equals("form") && !element.attr("action").startsWith("/")) {
                found.add("a form posting somewhere else: " + brief(element));
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    found.add("an event handler " + name + ": " + brief(element));
                }
                if (name.equals("style")) {
                    found.add("a style attribute: " + brief(element));
                }
                if (name.equals("srcdoc")) {
                    found.add("a srcdoc attribute: " + brief(element));
                }
                if (URL_ATTRIBUTES.contains(name) && dangerousUrl(attribute.getValue())) {
                    found.add("a " + name + " with a script or data URL: " + brief(element));
                }
                if (BIDI_CONTROLS.matcher(attribute.getValue()).find()) {
                    found.add("a bidi control in the attribute " + name + ": " + brief(element));
                }
            }
        }
        page.traverse((node, depth) -> {
            if (node instanceof TextNode text && BIDI_CONTROLS.matcher(text.getWholeText()).find()) {
                found.add("a bidi control in the text of <" + ((Element) text.parent()).normalName() + ">: "
                        + clip(text.getWholeText()));
            }
        });
        return found;
    }

    /**
     * What is wrong with an Atom feed: the user text must stay plain text (no {@code type="html"} content a reader
     * would render) and must not add elements of its own.
     */
    public static List<String> feedFindings(String xml) {
        List<String> found = new ArrayList<>();
        Document feed = Jsoup.parse(xml, "", Parser.xmlParser());
        Set<String> atom = Set.of("feed", "id", "title", "updated", "author", "name", "link", "entry", "category",
                "summary");
        for (Element element : feed.getAllElements()) {
            if (element == feed) {
                continue;
            }
            if (!atom.contains(element.normalName())) {
                found.add("an element the feed does not write: " + brief(element));
            }
            if (element.hasAttr("type") && !element.normalName().equals("link")) {
                found.add("typed (rendered) content: " + brief(element));
            }
            if (element.normalName().equals("link") && dangerousUrl(element.attr("href"))) {
                found.add("a link with a script or data URL: " + brief(element));
            }
        }
        return found;
    }

    /** javascript:, data: and friends, however they were disguised (browsers drop whitespace and controls). */
    static boolean dangerousUrl(String value) {
        StringBuilder bare = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ' && c != '\u007F') {
                bare.append(c);
            }
        }
        return DANGEROUS_SCHEME.matcher(bare.toString().toLowerCase(Locale.ROOT)).matches();
    }

    private static String brief(Element element) {
        return clip(element.outerHtml());
    }

    private static String clip(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
