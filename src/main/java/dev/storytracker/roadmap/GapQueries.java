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
 * The planners' gaps, all about accepted stories whoever asks (they are public evidence): accepted stories no item
 * addresses, items with no accepted story anywhere in their subtree, and character x theme cells with too few accepted
 * stories. Each list is one counted, paginated query in the database.
 */
@ApplicationScoped
public class GapQueries {

    private static final String UNADDRESSED = " from Story s left join s.character c where s.state = :accepted"
            + " and not exists (select 1 from StoryLink l where l.story = s)";

    /**
     * Each item and whether anything in its subtree has an accepted story, from the closure in one pass: one index
     * probe per (item, descendant) pair. Written as a correlated {@code not exists} over the closure instead, H2
     * evaluates the recursive closure again for every item (see docs/benchmarks.md).
     */
    private static final String GROUNDING = ", grounding(item_id, grounded) as (select t.ancestor_id, max(case when"
            + " exists (select 1 from story_link l join story s on s.id = l.story_id where l.item_id = t.descendant_id"
            + " and s.state = 'accepted') then 1 else 0 end) from roadmap_closure t group by t.ancestor_id) ";

    private static final String UNGROUNDED = " from grounding g join roadmap_item i on i.id = g.item_id"
            + " left join roadmap_item p on p.id = i.parent_id where g.grounded = 0";

    /** Every character x theme pair, with its accepted stories counted by one GROUP BY. */
    private static final String CELLS = " from story_character c cross join theme t left join (select s.character_id,"
            + " st.theme_id, count(*) as stories from story s join story_theme st on st.story_id = s.id"
            + " where s.state = 'accepted' group by s.character_id, st.theme_id) n"
            + " on n.character_id = c.id and n.theme_id = t.id where coalesce(n.stories, 0) < :threshold";

    @Inject
    EntityManager em;

    public Page<PlannerJson.StoryRef> unaddressedStories(Paging paging) {
        long total = em.createQuery("select count(s)" + UNADDRESSED, Long.class)
                .setParameter("accepted", StoryState.ACCEPTED).getSingleResult();
        List<Object[]> rows = em.createQuery("select s.id, s.slug, s.kind, s.title, c.slug" + UNADDRESSED
                + " order by s.createdAt desc, s.id desc", Object[].class)
                .setParameter("accepted", StoryState.ACCEPTED).setFirstResult(paging.offset())
                .setMaxResults(paging.size()).getResultList();
        Map<Long, List<String>> themes = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            em.createQuery("select s.id, t.slug from Story s join s.themes t where s.id in :ids order by t.slug",
                    Object[].class).setParameter("ids", rows.stream().map(r -> (Long) r[0]).toList())
                    .getResultList()
                    .forEach(r -> themes.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        }
        List<PlannerJson.StoryRef> stories = rows.stream().map(r -> new PlannerJson.StoryRef((String) r[1],
                (StoryKind) r[2], (String) r[3], (String) r[4], themes.getOrDefault((Long) r[0], List.of())))
                .toList();
        return new Page<>(stories, total, paging.page(), paging.size());
    }

    public Page<PlannerJson.ItemRef> ungroundedItems(Paging paging) {
        String with = RoadmapTree.closure(true) + GROUNDING;
        long total = ((Number) em.createNativeQuery(with + "select count(*)" + UNGROUNDED).getSingleResult())
                .longValue();
        List<PlannerJson.ItemRef> items = new ArrayList<>();
        for (Object row : em.createNativeQuery(with + "select i.slug, i.title, i.level, i.state, i.progress, p.slug"
                + UNGROUNDED + " order by case i.level when 'goal' then 0 when 'initiative' then 1 else 2 end, i.slug"
                + " offset :offset rows fetch next :size rows only").setParameter("offset", paging.offset())
                .setParameter("size", paging.size()).getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new PlannerJson.ItemRef((String) r[0], (String) r[1],
                    SlugEnum.parse(RoadmapLevel.class, (String) r[2]).orElseThrow(),
                    SlugEnum.parse(RoadmapState.class, (String) r[3]).orElseThrow(), ((Number) r[4]).intValue(),
                    (String) r[5]));
        }
        return new Page<>(items, total, paging.page(), paging.size());
    }

    /** Cells with fewer than {@code threshold} accepted stories, emptiest first. */
    public Page<PlannerJson.Cell> thinCoverage(int threshold, Paging paging) {
        long total = ((Number) em.createNativeQuery("select count(*)" + CELLS).setParameter("threshold", threshold)
                .getSingleResult()).longValue();
        List<PlannerJson.Cell> cells = new ArrayList<>();
        for (Object row : em.createNativeQuery("select c.slug, t.slug, coalesce(n.stories, 0)" + CELLS
                + " order by 3, 1, 2 offset :offset rows fetch next :size rows only")
                .setParameter("threshold", threshold).setParameter("offset", paging.offset())
                .setParameter("size", paging.size()).getResultList()) {
            Object[] r = (Object[]) row;
            cells.add(new PlannerJson.Cell((String) r[0], (String) r[1], ((Number) r[2]).longValue()));
        }
        return new Page<>(cells, total, paging.page(), paging.size());
    }
}
