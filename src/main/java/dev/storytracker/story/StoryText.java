package dev.storytracker.story;

import java.util.regex.Pattern;

/** Plain-text helpers over story markdown: the summary shown in lists when a writer gives none. */
public final class StoryText {

    // No pattern may scan past the next opening bracket: a line of a hundred thousand "[" must stay linear.
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\[\\]]*)\\]\\([^()]*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\[\\]]*)\\]\\[[^\\[\\]]*\\]");
    private static final Pattern EMPHASIS = Pattern.compile("[*_`~]+");
    private static final Pattern TAGS = Pattern.compile("<[^<>]*>");
    /** Enough paragraph to fill any summary once markup is gone; the rest is never looked at. */
    private static final int MAX_PARAGRAPH = 8 * 1024;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private StoryText() {
    }

    /** The first prose paragraph of the markdown, stripped of markup and cut to {@code max} characters. */
    public static String summarize(String markdown, int max) {
        if (markdown == null) {
            return "";
        }
        StringBuilder paragraph = new StringBuilder();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                inFence = !inFence;
                if (!paragraph.isEmpty()) {
                    break;
                }
                continue;
            }
            if (inFence) {
                continue;
            }
            boolean structural = trimmed.startsWith("#") || trimmed.startsWith("|") || trimmed.startsWith(">")
                    || trimmed.startsWith("<") || trimmed.startsWith("---") || trimmed.startsWith("* ")
                    || trimmed.startsWith("- ") || trimmed.startsWith("[");
            if (trimmed.isEmpty() || structural) {
                if (!paragraph.isEmpty()) {
                    break;
                }
                continue;
            }
            paragraph.append(trimmed).append(' ');
            if (paragraph.length() > MAX_PARAGRAPH) {
                paragraph.setLength(MAX_PARAGRAPH);
                break;
            }
        }
        String text = LINK.matcher(paragraph).replaceAll("$1");
        text = REF_LINK.matcher(text).replaceAll("$1");
        text = TAGS.matcher(text).replaceAll("");
        text = EMPHASIS.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return cut(text, max);
    }

    /** Cuts at a word boundary and marks the cut with an ellipsis. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = text.lastIndexOf(' ', max - 1);
        if (end < max / 2) {
            end = max - 1;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
