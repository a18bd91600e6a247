package dev.storytracker.ingest.mdbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference-link definitions of a page ({@code [label]: url}), which books keep at the bottom. They are taken out
 * of the text so that each part a page is split into (story, FAQ answers, impact) can carry back exactly the
 * definitions it uses and still render on its own. Labels match case-insensitively, as in CommonMark.
 */
final class RefDefs {

    private static final Pattern DEFINITION = Pattern
            .compile(
                    "^ {0,3}\\[([^\\]^][^\\]]{0,998})\\]:\\s*(<[^>]*>|\\S+)(?:\\s+(\"[^\"]*\"|'[^']*'|\\([^)]*\\)))?\\s*$");
    private static final Pattern BRACKETS = Pattern.compile("\\[([^\\[\\]]{1,999})\\]");

    /** One definition: its label as written, its URL, and its line as written. */
    record Def(String label, String url, String line) {
    }

    /** A page's text without its definitions, and the definitions. */
    record Extracted(String text, RefDefs defs) {
    }

    private final Map<String, Def> byLabel;

    private RefDefs(Map<String, Def> byLabel) {
        this.byLabel = byLabel;
    }

    static Extracted extract(String text) {
        Map<String, Def> defs = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean[] fenced = Markdown.fenced(lines);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = fenced[i] ? null : DEFINITION.matcher(lines[i]);
            if (m != null && m.matches()) {
                String url = m.group(2).startsWith("<") ? m.group(2).substring(1, m.group(2).length() - 1)
                        : m.group(2);
                // The first definition of a label wins, as in CommonMark.
                defs.putIfAbsent(normalize(m.group(1)), new Def(m.group(1), url, lines[i].strip()));
            } else {
                kept.add(lines[i]);
            }
        }
        return new Extracted(String.join("\n", kept), new RefDefs(defs));
    }

    static String normalize(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    Optional<Def> get(String label) {
        return Optional.ofNullable(byLabel.get(normalize(label)));
    }

    /** The markdown followed by the definitions of the labels it uses, in the order of first use. */
    String attachUsed(String markdown) {
        Map<String, Def> used = new LinkedHashMap<>();
        Matcher m = BRACKETS.matcher(markdown);
        while (m.find()) {
            String label = normalize(m.group(1));
            Def def = byLabel.get(label);
            if (def != null) {
                used.putIfAbsent(label, def);
            }
        }
        return attach(markdown, used.values());
    }

    /** The markdown followed by every definition, so that a link parser resolves all of them. */
    String attachAll(String markdown) {
        return attach(markdown, byLabel.values());
    }

    private static String attach(String markdown, Iterable<Def> defs) {
        StringBuilder out = new StringBuilder(markdown.strip());
        boolean first = true;
        for (Def def : defs) {
            out.append(first ? "\n\n" : "\n").append(def.line());
            first = false;
        }
        return out.toString();
    }
}
