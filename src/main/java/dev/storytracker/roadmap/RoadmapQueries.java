package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Reads the roadmap. The whole tree is three queries (items, owners, and the stored counts of stories linked to each
 * item) assembled in memory; roadmaps hold hundreds to a few thousand items, never stories.
 */
@ApplicationScoped
public class RoadmapQueries {

    @Inject
    EntityManager em;

    private record Row(long id, String slug, String title, RoadmapLevel level, RoadmapState state, int progress,
            ProgressMode progressMode, String landing, Long parentId) {
    }

    public List<RoadmapJson.Node> tree() {
        List<Row> rows = em.createQuery("select i.id, i.slug, i.title, i.level, i.state, i.progress, i.progressMode,"
                + " i.landingUrl, i.parent.id from RoadmapItem i order by i.title, i.slug", Object[].class)
                .getResultList().stream()
                .map(r -> new Row((Long) r[0], (String) r[1], (String) r[2], (RoadmapLevel) r[3], (RoadmapState) r[4],
                        (Integer) r[5], (ProgressMode) r[6], (String) r[7], (Long) r[8]))
                .toList();
        Map<Long, List<String>> owners = owners(null);
        Map<Long, Long> counts = storyCounts(null);
        Map<Long, String> slugs = new HashMap<>();
        rows.forEach(r -> slugs.put(r.id(), r.slug()));
        Map<Long, List<Row>> byParent = new LinkedHashMap<>();
        rows.forEach(r -> byParent.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r));
        return nodes(null, byParent, owners, counts, slugs, 0);
    }

    private List<RoadmapJson.Node> nodes(Long parent, Map<Long, List<Row>> byParent, Map<Long, List<String>> owners,
            Map<Long, Long> counts, Map<Long, String> slugs, int depth) {
        List<RoadmapJson.Node> nodes = new ArrayList<>();
        if (depth > RoadmapLevel.values().length) {
            return nodes;
        }
        for (Row r : byParent.getOrDefault(parent, List.of())) {
            nodes.add(new RoadmapJson.Node(r.slug(), r.title(), r.level(), r.state(), r.progress(), r.progressMode(),
                    owners.getOrDefault(r.id(), List.of()), r.landing(), slugs.get(r.parentId()),
                    counts.getOrDefault(r.id(), 0L), nodes(r.id(), byParent, owners, counts, slugs, depth + 1)));
        }
        return nodes;
    }

    public Optional<RoadmapJson.Detail> detail(String slug) {
        Optional<RoadmapItem> found = RoadmapItem.findBySlug(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RoadmapItem item = found.get();
        List<String> ancestors = new ArrayList<>();
        for (RoadmapItem p = item.parent; p != null && ancestors.size() <= RoadmapLevel.values().length; p = p.parent) {
            ancestors.add(p.slug);
        }
        List<RoadmapItem> children = RoadmapItem.list("parent = ?1 order by title, slug", item);
        List<Long> childIds = children.stream().map(c -> c.id).toList();
        Map<Long, List<String>> childOwners = childIds.isEmpty() ? Map.of() : owners(childIds);
        Map<Long, Long> childCounts = childIds.isEmpty() ? Map.of() : storyCounts(childIds);
        List<RoadmapJson.Node> childNodes = children.stream()
                .map(c -> new RoadmapJson.Node(c.slug, c.title, c.level, c.state, c.progress, c.progressMode,
                        childOwners.getOrDefault(c.id, List.of()), c.landingUrl, item.slug,
                        childCounts.getOrDefault(c.id, 0L), List.of()))
                .toList();
        long stories = storyCounts(List.of(item.id)).getOrDefault(item.id, 0L);
        return Optional.of(new RoadmapJson.Detail(item.slug, item.title, item.level, item.state, item.progress,
                item.progressMode, List.copyOf(item.owners), item.landingUrl, item.impact,
                item.parent == null ? null : item.parent.slug,
                ancestors, childNodes, stories, item.createdAt, item.updatedAt, item.version));
    }

    /**
     * Accepted stories linked to each item or to anything below it, each story once per item; by slug. Read from the
     * stored tally ({@link StoryReach}): one row per item and character, whatever the number of stories.
     */
    public Map<String, Long> reachedCounts() {
        return counts(null);
    }

    /** The same for the given items only (an item page's children). */
    public Map<String, Long> reachedCounts(Collection<String> slugs) {
        return slugs.isEmpty() ? Map.of() : counts(slugs);
    }

    /** Accepted stories reaching the given items (null: every item), by slug; items with none are left out. */
    private Map<String, Long> counts(Collection<String> slugs) {
        var query = em.createNativeQuery("select i.slug, sum(t.stories) from item_tally t"
                + " join roadmap_item i on i.id = t.item_id where t.state = 'accepted' and t.theme_id = 0"
                + (slugs == null ? "" : " and i.slug in (:slugs)") + " group by i.slug having sum(t.stories) > 0");
        if (slugs != null) {
            query.setParameter("slugs", slugs);
        }
        Map<String, Long> counts = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

    /** The titles of the given items by slug, in one query; unknown slugs are left out. */
    public Map<String, String> titles(Collection<String> slugs) {
        Map<String, String> titles = new HashMap<>();
        if (!slugs.isEmpty()) {
            em.createQuery("select i.slug, i.title from RoadmapItem i where i.slug in :slugs", Object[].class)
                    .setParameter("slugs", slugs).getResultList()
                    .forEach(r -> titles.put((String) r[0], (String) r[1]));
        }
        return titles;
    }

    private Map<Long, List<String>> owners(List<Long> ids) {
        String where = ids == null ? "" : " where i.id in :ids";
        var query = em.createQuery("select i.id, o from RoadmapItem i join i.owners o" + where + " order by index(o)",
                Object[].class);
        if (ids != null) {
            query.setParameter("ids", ids);
        }
        Map<Long, List<String>> owners = new HashMap<>();
        query.getResultList()
                .forEach(r -> owners.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        return owners;
    }

    /**
     * Accepted stories linked directly to each item (null: every item), from the stored tally: theme {@value
     * StoryReach#DIRECT} counts them per state, kind and character.
     */
    private Map<Long, Long> storyCounts(List<Long> ids) {
        var query = em.createNativeQuery("select t.item_id, sum(t.stories) from item_tally t"
                + " where t.theme_id = " + StoryReach.DIRECT + " and t.state = 'accepted'"
                + (ids == null ? "" : " and t.item_id in (:ids)") + " group by t.item_id");
        if (ids != null) {
            query.setParameter("ids", ids);
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return counts;
    }
}
