package dev.storytracker.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Puts user text into generated markdown pages without letting it change the page around it. One-line text (titles,
 * names, notes) is escaped so it stays plain text; markdown blocks (bodies, answers, descriptions) keep their
 * formatting, but raw HTML is turned into text (mdBook would publish it as is), a code fence left open is closed so it
 * cannot swallow the sections that follow, and mdBook's {@code {{#include ...}}} directives are defused so a story
 * cannot pull files from the machine that builds the book. Links and images to {@code javascript:}, {@code vbscript:}
 * or {@code data:} addresses are turned into text: mdBook publishes link addresses as they are.
 */
final class Markdown {

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    /** Inline markup, and what could start a heading's closing sequence or an entity. */
    private static final String INLINE_SPECIAL = "\\`*_[]<>#!|~&";
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029\\t]+");
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern DIRECTIVE = Pattern.compile("\\{\\{(\\s*)#");

    private Markdown() {
    }

    /** Text shown as is on one line: line breaks become spaces and markdown characters are escaped. */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        String line = LINE_BREAKS.matcher(CONTROLS.matcher(text).replaceAll("")).replaceAll(" ").strip();
        StringBuilder escaped = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (INLINE_SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** A markdown block that keeps its formatting but cannot reach past its own end; ends with one line break. */
    static String block(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String text = unlinkScripts(
                CONTROLS.matcher(markdown.replace("\r\n", "\n").replace('\r', '\n')).replaceAll(""));
        Node document = PARSER.parse(text);
        boolean[] escape = new boolean[text.length()];
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock html) {
                mark(html.getSourceSpans());
            }

            @Override
            public void visit(HtmlInline html) {
                mark(html.getSourceSpans());
            }

            private void mark(List<SourceSpan> spans) {
                for (SourceSpan span : spans) {
                    for (int i = span.getInputIndex(); i < span.getInputIndex() + span.getLength(); i++) {
                        escape[i] |= text.charAt(i) == '<';
                    }
                }
            }
        });
        StringBuilder safe = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            safe.append(escape[i] ? "&lt;" : String.valueOf(text.charAt(i)));
        }
        String result = DIRECTIVE.matcher(safe.toString().stripTrailing()).replaceAll("{{$1\\\\#");
        if (document.getLastChild() instanceof FencedCodeBlock fence && fence.getClosingFenceLength() == null) {
            result += "\n" + fence.getFenceCharacter().repeat(fence.getOpeningFenceLength());
        }
        return result + "\n";
    }

    /**
     * Turns links and images to script or data addresses into text by escaping their opening {@code [} (or the
     * {@code <} of an autolink). Escaping one bracket can turn what follows into a link of its own (a reference after
     * it, say), so this repeats until nothing dangerous is left; the last resort escapes every bracket.
     */
    static String unlinkScripts(String markdown) {
        String text = markdown;
        for (int round = 0; round < 10; round++) {
            List<Integer> starts = new ArrayList<>();
            PARSER.parse(text).accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    mark(link, link.getDestination(), 0);
                    visitChildren(link);
                }

                @Override
                public void visit(Image image) {
                    // "![": the bracket after the "!" opens the link part.
                    mark(image, image.getDestination(), 1);
                    visitChildren(image);
                }

                private void mark(Node node, String destination, int offset) {
                    if (!node.getSourceSpans().isEmpty() && scriptOrData(destination)) {
                        starts.add(node.getSourceSpans().get(0).getInputIndex() + offset);
                    }
                }
            });
            if (starts.isEmpty()) {
                return text;
            }
            StringBuilder escaped = new StringBuilder(text);
            starts.stream().distinct().sorted(Comparator.reverseOrder())
                    .forEach(at -> escaped.insert(at.intValue(), '\\'));
            text = escaped.toString();
        }
        return text.replace("[", "\\[").replace("<", "\\<");
    }

    /** javascript:, vbscript: or data:, however disguised with case, whitespace or control characters. */
    static boolean scriptOrData(String destination) {
        if (destination == null) {
            return false;
        }
        String bare = destination.replaceAll("[\\x00-\\x20\\x7F]", "").toLowerCase(java.util.Locale.ROOT);
        return bare.startsWith("javascript:") || bare.startsWith("vbscript:") || bare.startsWith("data:");
    }

    /** A link to a page of the book; {@code path} is built from slugs, which need no escaping. */
    static String link(String text, String path) {
        return "[" + inline(text) + "](" + path + ")";
    }

    /** A web address as a link, or as plain text when it is not http(s) or would need escaping. */
    static String url(String address) {
        if (address == null || !address.matches("https?://[^\\s<>()\\[\\]`\\\\]+")) {
            return inline(address);
        }
        return "<" + address + ">";
    }
}
