package dev.storytracker;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one rule for slugs everywhere: lower-case ASCII letters and digits in words joined by single hyphens. */
public final class Slugs {

    public static final int MAX_LENGTH = 120;
    public static final String REGEX = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String RULE = "must be lower-case letters and digits joined by single hyphens, at most "
            + MAX_LENGTH + " characters";
    private static final Pattern PATTERN = Pattern.compile(REGEX);
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && PATTERN.matcher(slug).matches();
    }

    /**
     * A slug made from free text, e.g. a title: accents folded, everything else dropped, at most {@code maxLength}
     * characters cut at a word boundary. Falls back to {@code fallback} when nothing usable is left.
     */
    public static String fromText(String text, int maxLength, String fallback) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = NON_WORD.matcher(folded).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > maxLength) {
            int cut = slug.lastIndexOf('-', maxLength);
            slug = slug.substring(0, cut > 0 ? cut : maxLength).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
