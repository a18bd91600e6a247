package dev.storytracker.ingest.mdbook;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a book page's H1 into a title: the emoji, {@code :shortcode:} and "Status quo stories:"-style prefixes that
 * books put before the words are dropped; a page without a usable H1 is named after its file.
 */
final class Titles {

    private static final Pattern SHORTCODE = Pattern.compile("^:[a-z0-9_+-]+:");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]*)\\]\\[[^\\]]*\\]");
    private static final Pattern KIND_PREFIX = Pattern
            .compile("^(status[ _-]quo|shiny[ _-]future)(\\s+stor(y|ies))?\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERIES_PREFIX = Pattern.compile("^status[ _-]quo\\s+of\\s+[^:]{1,120}:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_PREFIX = Pattern.compile("^(projects?|characters?)\\s*:\\s*",
            Pattern.CASE_INSENSITIVE);

    private Titles() {
    }

    /** The words of an H1 without decoration and prefixes; empty when nothing is left. */
    static String clean(String heading) {
        String t = INLINE_LINK.matcher(heading).replaceAll("$1");
        t = REF_LINK.matcher(t).replaceAll("$1");
        t = t.replace("**", "").replace("__", "");
        for (int guard = 0; guard < 10; guard++) {
            String before = t;
            t = stripLeadingSymbols(t);
            t = SERIES_PREFIX.matcher(t).replaceFirst("");
            t = KIND_PREFIX.matcher(t).replaceFirst("");
            t = NAME_PREFIX.matcher(t).replaceFirst("");
            if (t.equals(before)) {
                break;
            }
        }
        return t.replaceAll("\\s+", " ").strip();
    }

    /** Drops emoji, shortcodes, spaces and punctuation before the first word. */
    static String stripLeadingSymbols(String text) {
        String t = text.strip();
        while (!t.isEmpty()) {
            var shortcode = SHORTCODE.matcher(t);
            if (shortcode.find()) {
                t = t.substring(shortcode.end()).strip();
                continue;
            }
            int cp = t.codePointAt(0);
            if (Character.isLetterOrDigit(cp) || cp == '`' || cp == '"' || cp == '\'' || cp == '(' || cp == '[') {
                break;
            }
            t = t.substring(Character.charCount(cp)).strip();
        }
        return t;
    }

    /** A page that kept the template's own title ("... stories: Template"). */
    static boolean isTemplate(String cleaned) {
        String t = cleaned.replace("*", "").replace("_", "").strip().toLowerCase(Locale.ROOT);
        return t.equals("template") || t.equals("title") || t.isEmpty();
    }

    /** {@code alan_builds_a_cache} becomes "Alan builds a cache". */
    static String fromFileName(String stem) {
        String words = stem.replaceAll("[_\\-\\s]+", " ").strip();
        if (words.isEmpty()) {
            return stem;
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
