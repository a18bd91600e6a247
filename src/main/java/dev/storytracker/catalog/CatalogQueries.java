package dev.storytracker.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Lists the catalogue with each entry's accepted stories, counted by one query per kind of entry. */
@ApplicationScoped
public class CatalogQueries {

    /** The three kinds of entry, each with the query that counts accepted stories per slug. */
    public enum Kind {
        // Characters and themes from the stored tally (roadmap.StoryReach): a few hundred rows instead of every
        // accepted story (on H2 at 100,000 stories a tenth of the dashboard's time); theme 0 counts each story once.
        CHARACTERS(StoryCharacter.class, "select c.slug, sum(k.stories) from catalog_tally k join story_character c"
                + " on c.id = k.character_id where k.state = 'accepted' and k.theme_id = 0 group by c.slug"),
        THEMES(Theme.class, "select t.slug, sum(k.stories) from catalog_tally k join theme t on t.id = k.theme_id"
                + " where k.state = 'accepted' group by t.slug"),
        PROJECTS(Project.class, "select p.slug, count(*) from story s join story_project x on x.story_id = s.id"
                + " join project p on p.id = x.project_id where s.state = 'accepted' group by p.slug");

        final Class<? extends CatalogEntry> entity;
        /** SQL: each entry's slug and its accepted stories. */
        final String countQuery;

        Kind(Class<? extends CatalogEntry> entity, String countQuery) {
            this.entity = entity;
            this.countQuery = countQuery;
        }
    }

    @Inject
    EntityManager em;

    public List<CatalogJson> list(Kind kind) {
        Map<String, Long> counts = counts(kind);
        return em.createQuery("from " + kind.entity.getSimpleName() + " order by name, slug", kind.entity)
                .getResultList().stream()
                .map(e -> new CatalogJson(e.slug, e.name, e.description, counts.getOrDefault(e.slug, 0L)))
                .toList();
    }

    public Optional<CatalogJson> get(Kind kind, String slug) {
        return em.createQuery("from " + kind.entity.getSimpleName() + " where slug = :slug", kind.entity)
                .setParameter("slug", slug).getResultStream().findFirst()
                .map(e -> new CatalogJson(e.slug, e.name, e.description, counts(kind).getOrDefault(e.slug, 0L)));
    }

    /** Display names of every character, theme and project by slug, for pages that show slugs as names. */
    public Names names() {
        return new Names(namesOf(Kind.CHARACTERS), namesOf(Kind.THEMES), namesOf(Kind.PROJECTS));
    }

    private Map<String, String> namesOf(Kind kind) {
        Map<String, String> names = new HashMap<>();
        em.createQuery("select e.slug, e.name from " + kind.entity.getSimpleName() + " e", Object[].class)
                .getResultList().forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    /** Names by slug, one map per kind of entry; an unknown slug shows as itself. */
    public record Names(Map<String, String> characters, Map<String, String> themes, Map<String, String> projects) {

        public String character(String slug) {
            return slug == null ? "" : characters.getOrDefault(slug, slug);
        }

        public String theme(String slug) {
            return themes.getOrDefault(slug, slug);
        }

        public String project(String slug) {
            return projects.getOrDefault(slug, slug);
        }
    }

    private Map<String, Long> counts(Kind kind) {
        Map<String, Long> counts = new HashMap<>();
        for (Object row : em.createNativeQuery(kind.countQuery).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }
}
