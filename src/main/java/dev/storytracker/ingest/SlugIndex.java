package dev.storytracker.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import dev.storytracker.catalog.Project;
import dev.storytracker.catalog.StoryCharacter;
import dev.storytracker.catalog.Theme;
import dev.storytracker.roadmap.RoadmapItem;

/**
 * Slug-to-id maps of the small tables (catalogue and roadmap) for one import run, so that resolving a story's
 * references costs no query. Filled once from the database and kept up to date as files are written.
 */
final class SlugIndex {

    final Map<String, Long> characters = new HashMap<>();
    final Map<String, Long> themes = new HashMap<>();
    final Map<String, Long> projects = new HashMap<>();
    final Map<String, Long> roadmap = new HashMap<>();

    static SlugIndex load(EntityManager em) {
        SlugIndex index = new SlugIndex();
        fill(em, StoryCharacter.class, index.characters);
        fill(em, Theme.class, index.themes);
        fill(em, Project.class, index.projects);
        fill(em, RoadmapItem.class, index.roadmap);
        return index;
    }

    /** Forgets everything and takes the other index's content, after a failed write may have left stale ids. */
    void replaceWith(SlugIndex other) {
        for (Map<String, Long> map : List.of(characters, themes, projects, roadmap)) {
            map.clear();
        }
        characters.putAll(other.characters);
        themes.putAll(other.themes);
        projects.putAll(other.projects);
        roadmap.putAll(other.roadmap);
    }

    Map<String, Long> catalog(FileType type) {
        return switch (type) {
            case CHARACTER -> characters;
            case THEME -> themes;
            case PROJECT -> projects;
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    private static void fill(EntityManager em, Class<?> entity, Map<String, Long> into) {
        List<Object[]> rows = em
                .createQuery("select e.slug, e.id from " + entity.getSimpleName() + " e", Object[].class)
                .getResultList();
        rows.forEach(row -> into.put((String) row[0], (Long) row[1]));
    }
}
