package dev.storytracker.ingest.mdbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-level markdown helpers: fenced code, ATX headings, and level-2 sections picked or dropped by their heading. */
final class Markdown {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    /** A heading found at a line: its level and text. */
    record Heading(int line, int level, String text) {
    }

    private Markdown() {
    }

    /** For each line, whether it is inside (or opens or closes) a fenced code block. */
    static boolean[] fenced(String[] lines) {
        boolean[] fenced = new boolean[lines.length];
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (fence == null && (t.startsWith("```") || t.startsWith("~~~"))) {
                fence = t.substring(0, 3);
                fenced[i] = true;
            } else if (fence != null) {
                fenced[i] = true;
                if (t.startsWith(fence)) {
                    fence = null;
                }
            }
        }
        return fenced;
    }

    static List<Heading> headings(String[] lines) {
        boolean[] fenced = fenced(lines);
        List<Heading> headings = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = fenced[i] ? null : HEADING.matcher(lines[i]);
            if (m != null && m.matches()) {
                headings.add(new Heading(i, m.group(1).length(), m.group(2)));
            }
        }
        return headings;
    }

    /** The text of the first level-1 heading, if any. */
    static Optional<Heading> firstH1(String text) {
        return headings(text.split("\n", -1)).stream().filter(h -> h.level() == 1).findFirst();
    }

    static String removeLine(String text, int line) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(line);
        return String.join("\n", lines);
    }

    /** The content of the first level-2 section whose heading matches, without the heading. */
    static Optional<String> section(String text, Predicate<String> heading) {
        String[] lines = text.split("\n", -1);
        int[] range = range(lines, heading);
        if (range == null) {
            return Optional.empty();
        }
        List<String> content = new ArrayList<>();
        for (int i = range[0] + 1; i < range[1]; i++) {
            content.add(lines[i]);
        }
        return Optional.of(String.join("\n", content).strip());
    }

    /** The text without any level-2 section whose heading matches (heading and content). */
    static String dropSections(String text, Predicate<String> heading) {
        String current = text;
        for (int guard = 0; guard < 100; guard++) {
            String[] lines = current.split("\n", -1);
            int[] range = range(lines, heading);
            if (range == null) {
                return current;
            }
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (i < range[0] || i >= range[1]) {
                    kept.add(lines[i]);
                }
            }
            current = String.join("\n", kept);
        }
        return current;
    }

    /** [heading line, end line exclusive] of the first matching level-2 section. */
    private static int[] range(String[] lines, Predicate<String> heading) {
        List<Heading> headings = headings(lines);
        for (int h = 0; h < headings.size(); h++) {
            Heading start = headings.get(h);
            if (start.level() == 2 && heading.test(start.text())) {
                int end = lines.length;
                for (int k = h + 1; k < headings.size(); k++) {
                    if (headings.get(k).level() <= 2) {
                        end = headings.get(k).line();
                        break;
                    }
                }
                return new int[]{start.line(), end};
            }
        }
        return null;
    }
}
