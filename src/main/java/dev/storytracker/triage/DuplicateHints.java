package dev.storytracker.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.storytracker.story.Story;

/**
 * The stories most like a given one, for spotting duplicates: scored by the database on how many of the story's
 * significant title words appear in the other's title (counting double) and summary.
 */
@ApplicationScoped
public class DuplicateHints {

    static final int MAX_WORDS = 6;
    private static final Set<String> COMMON = Set.of("the", "and", "for", "with", "from", "into", "that", "this",
            "when", "what", "his", "her", "their", "them", "they", "wants", "tries", "gets", "async", "rust", "story");

    @Inject
    EntityManager em;

    /** A similar story and how many points of likeness it scored. */
    public record Hint(String slug, String title, String state, long score) {
    }

    public List<Hint> similar(Story story, int max) {
        List<String> words = significantWords(story.title);
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> scores = new ArrayList<>();
        List<String> any = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            scores.add("case when lower(s.title) like :w" + i + " escape '!' then 2 else 0 end"
                    + " + case when lower(s.summary) like :w" + i + " escape '!' then 1 else 0 end");
            any.add("lower(s.title) like :w" + i + " escape '!' or lower(s.summary) like :w" + i + " escape '!'");
        }
        String score = String.join(" + ", scores);
        var query = em.createQuery("select s.slug, s.title, s.state, " + score + " from Story s where s.id <> :id"
                + " and (" + String.join(" or ", any) + ") order by " + score + " desc, s.createdAt desc",
                Object[].class).setParameter("id", story.id).setMaxResults(max);
        for (int i = 0; i < words.size(); i++) {
            query.setParameter("w" + i, "%" + words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                    + "%");
        }
        return query.getResultList().stream()
                .map(r -> new Hint((String) r[0], (String) r[1], ((dev.storytracker.story.StoryState) r[2]).slug(),
                        ((Number) r[3]).longValue()))
                .toList();
    }

    /** The longest words of the title that say something (not stop words), at most {@link #MAX_WORDS}. */
    static List<String> significantWords(String title) {
        return Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 3 && !COMMON.contains(w))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .limit(MAX_WORDS)
                .toList();
    }
}
