package dev.storytracker.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.storytracker.SlugEnum;
import dev.storytracker.Slugs;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Problem;

/**
 * The filters of a story list, shared by the JSON API and the pages. Slugs that name nothing simply match nothing;
 * malformed values are refused with the parameter's name.
 */
public record StoryFilter(Optional<StoryKind> kind, Optional<String> character, Optional<String> theme,
        Optional<String> project, Optional<StoryState> state, Optional<String> roadmap, List<String> words) {

    public static final int MAX_QUERY = 200;
    public static final int MAX_WORDS = 10;

    public static StoryFilter of(String kind, String character, String theme, String project, String state,
            String roadmap, String q) {
        List<Problem.Violation> violations = new ArrayList<>();
        Optional<StoryKind> k = choice("kind", kind, StoryKind.class, violations);
        Optional<StoryState> s = choice("state", state, StoryState.class, violations);
        Optional<String> c = slug("character", character, violations);
        Optional<String> t = slug("theme", theme, violations);
        Optional<String> p = slug("project", project, violations);
        Optional<String> r = slug("roadmap", roadmap, violations);
        List<String> words = List.of();
        if (q != null && !q.isBlank()) {
            if (q.length() > MAX_QUERY) {
                violations.add(new Problem.Violation("q", "must be at most " + MAX_QUERY + " characters"));
            } else {
                words = Arrays.stream(q.toLowerCase(Locale.ROOT).strip().split("\\s+")).distinct().toList();
                if (words.size() > MAX_WORDS) {
                    violations.add(new Problem.Violation("q", "must have at most " + MAX_WORDS + " words"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new StoryFilter(k, c, t, p, s, r, words);
    }

    public static StoryFilter none() {
        return new StoryFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
    }

    public StoryFilter withState(StoryState newState) {
        return new StoryFilter(kind, character, theme, project, Optional.of(newState), roadmap, words);
    }

    private static <E extends Enum<E> & SlugEnum> Optional<E> choice(String name, String value, Class<E> type,
            List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<E> parsed = SlugEnum.parse(type, value.strip());
        if (parsed.isEmpty()) {
            violations.add(new Problem.Violation(name, "must be one of " + String.join(", ", SlugEnum.slugs(type))));
        }
        return parsed;
    }

    private static Optional<String> slug(String name, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!Slugs.isValid(value.strip())) {
            violations.add(new Problem.Violation(name, Slugs.RULE));
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }
}
