package dev.storytracker.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.storytracker.roadmap.StoryLink;
import dev.storytracker.story.Story;

/**
 * Compares the database with a fuzz corpus: the rows that exist are exactly those of the valid files, and each story
 * holds exactly its file's themes, projects, authors, FAQ, links and retellings, so no rejected file left a trace and
 * no valid one is half-written.
 */
@ApplicationScoped
public class FuzzDatabase {

    @Inject
    EntityManager em;

    @Transactional
    List<String> differences(FuzzCorpus corpus) {
        List<String> differences = new ArrayList<>();
        compare(differences, "characters", slugs("StoryCharacter"), corpus.catalog.characters);
        compare(differences, "themes", slugs("Theme"), corpus.catalog.themes);
        compare(differences, "projects", slugs("Project"), corpus.catalog.projects);
        compare(differences, "roadmap items", slugs("RoadmapItem"), corpus.catalog.items);
        Map<String, FuzzStory> valid = new LinkedHashMap<>();
        corpus.files.stream().filter(f -> f.story() != null).forEach(f -> valid.put(f.story().slug, f.story()));
        compare(differences, "stories", slugs("Story"), valid.keySet());
        for (Story story : em.createQuery("from Story", Story.class).getResultList()) {
            FuzzStory file = valid.get(story.slug);
            if (file != null) {
                differences.addAll(storyDifferences(story, file));
            }
        }
        return differences;
    }

    private static List<String> storyDifferences(Story story, FuzzStory file) {
        List<String> differences = new ArrayList<>();
        check(differences, story, "title", story.title, file.title);
        check(differences, story, "kind", story.kind.slug(), file.shiny ? "shiny-future" : "status-quo");
        check(differences, story, "character", story.character == null ? null : story.character.slug,
                file.character);
        check(differences, story, "themes", story.themes.stream().map(t -> t.slug).collect(Collectors.toSet()),
                Set.copyOf(file.themes));
        check(differences, story, "projects", story.projects.stream().map(p -> p.slug).collect(Collectors.toSet()),
                Set.copyOf(file.projects));
        check(differences, story, "authors", story.authors, file.authors);
        Map<String, String> faq = new LinkedHashMap<>();
        story.faq.forEach(entry -> faq.put(entry.question, entry.answer));
        check(differences, story, "faq", faq, file.faq);
        Map<String, String> links = new LinkedHashMap<>();
        for (StoryLink link : StoryLink.forStory(story)) {
            links.put(link.item.slug, link.relation.slug() + "|" + Objects.toString(link.note, ""));
        }
        check(differences, story, "links", links, file.links);
        check(differences, story, "retells", story.retells.stream().map(s -> s.slug).collect(Collectors.toSet()),
                Set.copyOf(file.retells));
        if (file.summary != null) {
            check(differences, story, "summary", story.summary, file.summary);
        }
        check(differences, story, "sourcePath", story.sourcePath, file.path());
        return differences;
    }

    private static void check(List<String> differences, Story story, String field, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            differences.add("story " + story.slug + ": " + field + " is " + abbreviate(actual) + ", the file says "
                    + abbreviate(expected));
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private Set<String> slugs(String entity) {
        return new TreeSet<>(em.createQuery("select e.slug from " + entity + " e", String.class).getResultList());
    }

    private static void compare(List<String> differences, String what, Set<String> actual,
            java.util.Collection<String> expected) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        if (!missing.isEmpty()) {
            differences.add(what + " missing from the database: " + missing);
        }
        if (!extra.isEmpty()) {
            differences.add(what + " in the database that no valid file holds: " + extra);
        }
    }
}
