package dev.storytracker.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.storytracker.story.FaqEntry;

/**
 * Splits a story's markdown into the story proper and its "Frequently Asked Questions" section: a level-2 heading with
 * those words (an emoji or {@code :shortcode:} may stand before them) and one level-3 heading per question. Headings
 * inside fenced code blocks do not count.
 */
public final class FaqSection {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SHORTCODE = Pattern.compile(":[a-z0-9_+-]+:");

    /** The story without its FAQ section, and the questions with their answers in order. */
    public record Split(String body, List<FaqEntry> faq) {
    }

    private FaqSection() {
    }

    public static Split split(String markdown) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<FaqEntry> faq = new ArrayList<>();
        String question = null;
        StringBuilder answer = new StringBuilder();
        int section = 0; // 0 before the FAQ, 1 inside it, 2 after it
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                inFence = !inFence;
            }
            Matcher heading = inFence || trimmed.startsWith("```") || trimmed.startsWith("~~~") ? null
                    : HEADING.matcher(line);
            boolean isHeading = heading != null && heading.matches();
            int level = isHeading ? heading.group(1).length() : 0;
            if (section == 0 && isHeading && level == 2 && isFaqTitle(heading.group(2))) {
                section = 1;
                continue;
            }
            if (section == 1 && isHeading && level <= 2) {
                section = 2;
            }
            if (section == 0) {
                before.add(line);
            } else if (section == 2) {
                after.add(line);
            } else if (isHeading && level == 3) {
                addAnswer(faq, question, answer);
                question = unbold(heading.group(2));
                answer.setLength(0);
            } else if (question != null) {
                answer.append(line).append('\n');
            } else if (!trimmed.isEmpty()) {
                // Text between the FAQ heading and its first question stays with the story.
                after.add(line);
            }
        }
        addAnswer(faq, question, answer);
        String body = String.join("\n", before).strip();
        String rest = String.join("\n", after).strip();
        if (!rest.isEmpty()) {
            body = body + "\n\n" + rest;
        }
        return new Split(body, faq);
    }

    private static void addAnswer(List<FaqEntry> faq, String question, StringBuilder answer) {
        if (question != null && !question.isBlank()) {
            faq.add(new FaqEntry(question, answer.toString().strip()));
        }
    }

    static boolean isFaqTitle(String title) {
        String words = SHORTCODE.matcher(title).replaceAll("");
        int i = 0;
        while (i < words.length() && !Character.isLetterOrDigit(words.codePointAt(i))) {
            i += Character.charCount(words.codePointAt(i));
        }
        return unbold(words.substring(i)).toLowerCase(Locale.ROOT).startsWith("frequently asked questions");
    }

    static String unbold(String text) {
        String t = text.strip();
        while ((t.startsWith("**") && t.endsWith("**") && t.length() > 4)
                || (t.startsWith("__") && t.endsWith("__") && t.length() > 4)) {
            t = t.substring(2, t.length() - 2).strip();
        }
        return t;
    }
}
