package dev.storytracker.ingest.mdbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.storytracker.Slugs;

/**
 * The characters a book knows (from {@code characters.md}, {@code characters/*.md} and the database), and how a story
 * names its teller: by its file-name prefix ({@code alan_}, possessive {@code alans_}), by its title, or by the first
 * mention in its text (a link labelled with the name, or the name itself).
 */
final class Cast {

    /** One character: slug and display name. */
    record Person(String slug, String name) {
    }

    private final Map<String, Person> people = new LinkedHashMap<>();
    private Pattern mention;

    void add(String slug, String name) {
        people.putIfAbsent(slug, new Person(slug, name));
        mention = null;
    }

    boolean isEmpty() {
        return people.isEmpty();
    }

    /** The character whose slug or name starts the file name, e.g. {@code alan_}, {@code alans_}, {@code grace-}. */
    Optional<String> fromFileName(String stem) {
        String first = stem.toLowerCase(Locale.ROOT).split("[_\\-\\s]+")[0];
        for (Person p : people.values()) {
            String name = p.name().toLowerCase(Locale.ROOT);
            for (String word : List.of(p.slug(), name)) {
                if (first.equals(word) || first.equals(word + "s") || first.equals(word + "'s")) {
                    return Optional.of(p.slug());
                }
            }
        }
        return Optional.empty();
    }

    /** The character named first in the text, as a whole word with its capital ("Alan", "Alan's", "[Alan]"). */
    Optional<String> firstMention(String text) {
        if (people.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = pattern().matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String found = m.group(1);
        return people.values().stream().filter(p -> p.name().equals(found)).map(Person::slug).findFirst();
    }

    private Pattern pattern() {
        if (mention == null) {
            List<String> names = new ArrayList<>();
            people.values().forEach(p -> names.add(Pattern.quote(p.name())));
            mention = Pattern.compile("(?<![\\p{L}\\p{N}_])(" + String.join("|", names) + ")(?![\\p{L}\\p{N}_])");
        }
        return mention;
    }

    /** A slug from a page's file name, such as {@code DistriData} or {@code alan}. */
    static Optional<String> slugOf(String stem) {
        String slug = Slugs.fromText(stem, Slugs.MAX_LENGTH, "");
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }
}
