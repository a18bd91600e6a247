package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import dev.storytracker.SlugEnum;
import dev.storytracker.catalog.CatalogQueries;

/**
 * Reads what the picture of one item's trace needs, in four queries whatever the number of stories: the items of its
 * subtree, the distinct stories reaching each of them (GROUP BY over the closure), and then either the links of each
 * story (few stories) or the stories per character and item (many stories, counted by the database).
 */
@ApplicationScoped
public class TraceGraphQueries {

    private static final String SUBTREE = " from roadmap_closure t join story_link l on l.item_id = t.descendant_id"
            + " join story s on s.id = l.story_id join roadmap_item i on i.id = l.item_id"
            + " left join story_character c on c.id = s.character_id where t.ancestor_id = :root and ";

    @Inject
    EntityManager em;

    @Inject
    CatalogQueries catalog;

    /** A character's colour in the picture. */
    public record Legend(String name, String tone) {
    }

    /** The laid-out picture with the legend of the characters it shows. */
    public record Trace(TraceLayout.Graph graph, List<Legend> legend) {
    }

    public Trace trace(RoadmapItem root, StoryScope scope) {
        String with = RoadmapTree.closure(true);
        List<Object[]> rows = rows(em.createNativeQuery(with + "select i.slug, i.title, i.level, p.slug"
                + " from roadmap_closure t join roadmap_item i on i.id = t.descendant_id"
                + " left join roadmap_item p on p.id = i.parent_id where t.ancestor_id = :root"
                + " order by t.depth, i.title, i.slug").setParameter("root", root.id));
        Map<String, Long> reached = new HashMap<>();
        for (Object[] r : rows(scope.bind(em.createNativeQuery(with + "select a.slug, count(distinct s.id)"
                + " from roadmap_closure t join roadmap_item a on a.id = t.ancestor_id"
                + " join story_link l on l.item_id = t.descendant_id join story s on s.id = l.story_id"
                + " where t.ancestor_id in (select r.descendant_id from roadmap_closure r where r.ancestor_id = :root)"
                + " and " + scope.where() + " group by a.slug")).setParameter("root", root.id))) {
            reached.put((String) r[0], ((Number) r[1]).longValue());
        }
        List<TraceLayout.ItemIn> items = new ArrayList<>();
        for (Object[] r : rows) {
            String slug = (String) r[0];
            items.add(new TraceLayout.ItemIn(slug, (String) r[1],
                    SlugEnum.parse(RoadmapLevel.class, (String) r[2]).orElseThrow(),
                    slug.equals(root.slug) ? null : (String) r[3], reached.getOrDefault(slug, 0L)));
        }
        CatalogQueries.Names names = catalog.names();
        List<String> characters = names.characters().keySet().stream().sorted().toList();
        List<TraceLayout.SourceIn> sources = new ArrayList<>();
        List<TraceLayout.FlowIn> flows = new ArrayList<>();
        boolean grouped = reached.getOrDefault(root.slug, 0L) > TraceLayout.MAX_STORY_BOXES;
        if (grouped) {
            for (Object[] r : rows(bind(em.createNativeQuery(with + "select c.slug, count(distinct s.id)" + SUBTREE
                    + scope.where() + " group by c.slug order by c.slug"), root, scope))) {
                String character = (String) r[0];
                sources.add(new TraceLayout.SourceIn(key(character),
                        character == null ? "No character" : names.character(character), character,
                        ((Number) r[1]).longValue()));
            }
            for (Object[] r : rows(bind(em.createNativeQuery(with + "select c.slug, i.slug, count(distinct s.id)"
                    + SUBTREE + scope.where() + " group by c.slug, i.slug order by c.slug, i.slug"), root, scope))) {
                flows.add(new TraceLayout.FlowIn(key((String) r[0]), (String) r[1], ((Number) r[2]).longValue()));
            }
        } else {
            Map<String, TraceLayout.SourceIn> stories = new LinkedHashMap<>();
            for (Object[] r : rows(bind(em.createNativeQuery(with + "select s.slug, s.title, c.slug, i.slug" + SUBTREE
                    + scope.where() + " order by s.title, s.slug, i.slug"), root, scope))) {
                String story = "story:" + r[0];
                stories.putIfAbsent(story, new TraceLayout.SourceIn(story, (String) r[1], (String) r[2], 1));
                flows.add(new TraceLayout.FlowIn(story, (String) r[3], 1));
            }
            sources.addAll(stories.values());
        }
        List<Legend> legend = sources.stream().map(TraceLayout.SourceIn::character).distinct()
                .map(c -> new Legend(c == null ? "No character" : names.character(c), TraceLayout.tone(c, characters)))
                .sorted(Comparator.comparing(Legend::name)).toList();
        return new Trace(TraceLayout.layout(items, sources, flows, grouped, characters), legend);
    }

    private static String key(String character) {
        return "character:" + (character == null ? "" : character);
    }

    private static Query bind(Query query, RoadmapItem root, StoryScope scope) {
        return scope.bind(query).setParameter("root", root.id);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }
}
