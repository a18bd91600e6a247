package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.storytracker.SlugEnum;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;

/**
 * "Which stories motivate this item and everything under it?" Six queries whatever the page size: the page, its
 * total, the counts per character and per theme (all by GROUP BY in the database), and the themes and linked items of
 * the stories on the page.
 */
@ApplicationScoped
public class ItemStoryQueries {

    /** The stories linked to the root item or, through the closure, to any item below it. */
    private static final String REACHED = "s.id in (select l.story_id from story_link l join roadmap_closure t"
            + " on t.descendant_id = l.item_id where t.ancestor_id = :root)";

    @Inject
    EntityManager em;

    public PlannerJson.ItemStories stories(RoadmapItem item, boolean rollup, StoryScope scope, Paging paging) {
        String with = RoadmapTree.closure(rollup);
        String where = " where " + REACHED + " and " + scope.where();
        long total = ((Number) bind(em.createNativeQuery(with + "select count(*) from story s" + where), item, scope)
                .getSingleResult()).longValue();
        List<PlannerJson.ItemStory> stories = total == 0 ? List.of() : page(item, with, where, scope, paging);
        List<PlannerJson.Count> characters = counts(with + "select c.slug, count(*) from story s"
                + " join story_character c on c.id = s.character_id" + where + " group by c.slug", item, scope);
        List<PlannerJson.Count> themes = counts(with + "select th.slug, count(*) from story s"
                + " join story_theme st on st.story_id = s.id join theme th on th.id = st.theme_id" + where
                + " group by th.slug", item, scope);
        return new PlannerJson.ItemStories(item.slug, rollup,
                new Page<>(stories, total, paging.page(), paging.size()), characters, themes);
    }

    private List<PlannerJson.ItemStory> page(RoadmapItem item, String with, String where, StoryScope scope,
            Paging paging) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(with + "select s.id, s.slug, s.kind, s.title, s.summary,"
                + " c.slug, s.state from story s left join story_character c on c.id = s.character_id" + where
                + " order by s.created_at desc, s.id desc offset :offset rows fetch next :size rows only"), item, scope)
                .setParameter("offset", paging.offset()).setParameter("size", paging.size()).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, List<String>> themes = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("select st.story_id, th.slug from story_theme st join theme th"
                + " on th.id = st.theme_id where st.story_id in (:ids) order by th.slug").setParameter("ids", ids)
                .getResultList()) {
            Object[] r = (Object[]) row;
            themes.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
        }
        Map<Long, List<PlannerJson.Via>> via = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery(with + "select l.story_id, i.slug, l.relation from story_link l"
                + " join roadmap_item i on i.id = l.item_id join roadmap_closure t on t.descendant_id = l.item_id"
                + " where t.ancestor_id = :root and l.story_id in (:ids) order by i.slug")
                .setParameter("root", item.id).setParameter("ids", ids).getResultList()) {
            Object[] r = (Object[]) row;
            via.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new PlannerJson.Via(
                    (String) r[1], SlugEnum.parse(LinkRelation.class, (String) r[2]).orElseThrow()));
        }
        List<PlannerJson.ItemStory> stories = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            stories.add(new PlannerJson.ItemStory((String) r[1],
                    SlugEnum.parse(StoryKind.class, (String) r[2]).orElseThrow(), (String) r[3], (String) r[4],
                    (String) r[5], themes.getOrDefault(id, List.of()),
                    SlugEnum.parse(StoryState.class, (String) r[6]).orElseThrow(), via.getOrDefault(id, List.of())));
        }
        return stories;
    }

    private List<PlannerJson.Count> counts(String sql, RoadmapItem item, StoryScope scope) {
        List<PlannerJson.Count> counts = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery(sql + " order by 2 desc, 1"), item, scope).getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new PlannerJson.Count((String) r[0], ((Number) r[1]).longValue()));
        }
        return counts;
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, RoadmapItem item,
            StoryScope scope) {
        return scope.bind(query).setParameter("root", item.id);
    }
}
