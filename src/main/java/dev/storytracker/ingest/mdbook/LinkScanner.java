package dev.storytracker.ingest.mdbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import dev.storytracker.roadmap.StoryLink;
import dev.storytracker.story.StoryText;

/**
 * Finds every link of a markdown text, in whatever form it was written (inline, reference-style, autolink, a bare URL,
 * or an HTML {@code href}), with the sentence it stands in. Links inside code do not count. The parser resolves
 * reference-style links, so the text must carry its definitions (see {@link RefDefs#attachAll}).
 */
final class LinkScanner {

    private static final Parser PARSER = Parser.builder().build();
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>()\\[\\]\"']+[^\\s<>()\\[\\]\"'.,;:!?]");
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** A link's destination as written (relative or absolute), its text, and the sentence around it. */
    record Found(String destination, String text, String sentence) {
    }

    private record Span(String destination, int start, int end) {
    }

    private LinkScanner() {
    }

    static List<Found> scan(String markdown) {
        List<Found> found = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                inline(paragraph, found);
            }

            @Override
            public void visit(Heading heading) {
                inline(heading, found);
            }

            @Override
            public void visit(HtmlBlock block) {
                String text = TAG.matcher(block.getLiteral()).replaceAll(" ").replaceAll("\\s+", " ").strip();
                Matcher href = HREF.matcher(block.getLiteral());
                while (href.find()) {
                    found.add(new Found(href.group(1), "", note(text)));
                }
            }
        });
        return found;
    }

    private static void inline(Node block, List<Found> found) {
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        collect(block, text, spans);
        String plain = text.toString();
        for (Span span : spans) {
            found.add(new Found(span.destination(), plain.substring(span.start(), span.end()).strip(),
                    note(sentence(plain, span.start(), span.end()))));
        }
    }

    private static void collect(Node parent, StringBuilder text, List<Span> spans) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                int base = text.length();
                text.append(t.getLiteral());
                Matcher url = BARE_URL.matcher(t.getLiteral());
                while (url.find()) {
                    spans.add(new Span(url.group(), base + url.start(), base + url.end()));
                }
            } else if (child instanceof Code code) {
                text.append(code.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                text.append(' ');
            } else if (child instanceof Link link) {
                int start = text.length();
                collect(link, text, new ArrayList<>());
                spans.add(new Span(link.getDestination(), start, text.length()));
            } else if (child instanceof HtmlInline html) {
                Matcher href = HREF.matcher(html.getLiteral());
                while (href.find()) {
                    spans.add(new Span(href.group(1), text.length(), text.length()));
                }
            } else if (child instanceof Image image) {
                collect(image, text, new ArrayList<>());
            } else {
                collect(child, text, spans);
            }
        }
    }

    /** The sentence of {@code text} that holds [start, end): bounded by ". ", "! ", "? " or a table's "|". */
    static String sentence(String text, int start, int end) {
        int from = 0;
        for (int i = Math.min(start, text.length()) - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '|' || ((c == '.' || c == '!' || c == '?') && i + 1 < text.length()
                    && Character.isWhitespace(text.charAt(i + 1)))) {
                from = i + 1;
                break;
            }
        }
        int to = text.length();
        for (int i = Math.max(end, from); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '|') {
                to = i;
                break;
            }
            if ((c == '.' || c == '!' || c == '?')
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                to = i + 1;
                break;
            }
        }
        return text.substring(from, to);
    }

    private static String note(String sentence) {
        return StoryText.cut(sentence.replaceAll("\\s+", " ").strip(), StoryLink.MAX_NOTE);
    }
}
