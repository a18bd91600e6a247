package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import dev.storytracker.Database;
import dev.storytracker.SlugEnum;
import dev.storytracker.story.StoryKind;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;

/**
 * The planners' gaps, all about accepted stories whoever asks (they are public evidence): accepted stories no item
 * addresses, items with no accepted story anywhere in their subtree, and character x theme cells with too few accepted
 * stories. The counts come from the stored tallies ({@link StoryReach}); each list is one paginated query.
 */
@ApplicationScoped
public class GapQueries {

    private static final String UNADDRESSED = " from story s left join story_character c on c.id = s.character_id"
            + " where s.state = 'accepted' and not exists (select 1 from story_link l where l.story_id = s.id)";

    /** Items with no accepted story linked to them or below them: none in the stored tally ({@link StoryReach}). */
    private static final String UNGROUNDED = " from roadmap_item i left join roadmap_item p on p.id = i.parent_id"
            + " where not exists (select 1 from item_tally t where t.item_id = i.id and t.state = 'accepted'"
            + " and t.theme_id = 0 and t.stories > 0)";

    /** Every character x theme pair, with its accepted stories counted by one GROUP BY. */
    private static final String CELLS = " from story_character c cross join theme t left join (select k.character_id,"
            + " k.theme_id, sum(k.stories) as stories from catalog_tally k where k.state = 'accepted'"
            + " and k.theme_id > 0 group by k.character_id, k.theme_id) n"
            + " on n.character_id = c.id and n.theme_id = t.id where coalesce(n.stories, 0) < :threshold";

    /** Each list's total next to every row of its page, so that one pass over the data gives both (not on H2). */
    private static final String TOTAL = Database.H2 ? "0 as total" : "count(*) over () as total";

    private static final String PAGE = " offset :offset rows fetch next :size rows only";

    @Inject
    EntityManager em;

    public Page<PlannerJson.StoryRef> unaddressedStories(Paging paging) {
        // The total from the stored tally: accepted stories (theme 0) less those linked to any item (theme -2).
        long total = ((Number) em.createNativeQuery("select coalesce(sum(case when theme_id = " + StoryReach.STORY
                + " then stories else -stories end), 0) from catalog_tally where state = 'accepted' and theme_id in ("
                + StoryReach.STORY + ", " + StoryReach.LINKED + ")").getSingleResult()).longValue();
        // Newest first off ix_story_state_newest, stopping at the page; none to look for when the total is 0.
        List<Object[]> rows = total <= paging.offset() ? List.of()
                : rows(em.createNativeQuery("select s.id, s.slug, s.kind, s.title, c.slug" + UNADDRESSED
                        + " order by s.state, s.created_at desc, s.id desc" + PAGE), paging);
        Map<Long, List<String>> themes = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            em.createQuery("select s.id, t.slug from Story s join s.themes t where s.id in :ids order by t.slug",
                    Object[].class).setParameter("ids", rows.stream().map(r -> ((Number) r[0]).longValue()).toList())
                    .getResultList()
                    .forEach(r -> themes.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        }
        List<PlannerJson.StoryRef> stories = rows.stream().map(r -> new PlannerJson.StoryRef((String) r[1],
                SlugEnum.parse(StoryKind.class, (String) r[2]).orElseThrow(), (String) r[3], (String) r[4],
                themes.getOrDefault(((Number) r[0]).longValue(), List.of()))).toList();
        return new Page<>(stories, total, paging.page(), paging.size());
    }

    public Page<PlannerJson.ItemRef> ungroundedItems(Paging paging) {
        List<Object[]> rows = rows(em.createNativeQuery("select i.slug, i.title, i.level, i.state, i.progress,"
                + " p.slug, " + TOTAL + UNGROUNDED
                + " order by case i.level when 'goal' then 0 when 'initiative' then 1 else 2 end, i.slug" + PAGE),
                paging);
        long total = total(rows, 6, paging, () -> em.createNativeQuery("select count(*)" + UNGROUNDED));
        List<PlannerJson.ItemRef> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(new PlannerJson.ItemRef((String) r[0], (String) r[1],
                    SlugEnum.parse(RoadmapLevel.class, (String) r[2]).orElseThrow(),
                    SlugEnum.parse(RoadmapState.class, (String) r[3]).orElseThrow(), ((Number) r[4]).intValue(),
                    (String) r[5]));
        }
        return new Page<>(items, total, paging.page(), paging.size());
    }

    /** Cells with fewer than {@code threshold} accepted stories, emptiest first. */
    public Page<PlannerJson.Cell> thinCoverage(int threshold, Paging paging) {
        List<Object[]> rows = rows(em.createNativeQuery("select c.slug, t.slug, coalesce(n.stories, 0), " + TOTAL
                + CELLS + " order by 3, 1, 2" + PAGE).setParameter("threshold", threshold), paging);
        long total = total(rows, 3, paging,
                () -> em.createNativeQuery("select count(*)" + CELLS).setParameter("threshold", threshold));
        List<PlannerJson.Cell> cells = new ArrayList<>();
        for (Object[] r : rows) {
            cells.add(new PlannerJson.Cell((String) r[0], (String) r[1], ((Number) r[2]).longValue()));
        }
        return new Page<>(cells, total, paging.page(), paging.size());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query, Paging paging) {
        return query.setParameter("offset", paging.offset()).setParameter("size", paging.size()).getResultList();
    }

    /**
     * The list's total. On PostgreSQL every row of a page carries it (the window count is taken before the page is
     * cut), so only a page past the end needs a query of its own. H2 computes the window by materializing and sorting
     * the whole list, which made its gaps slower (56 to 99 ms at 100,000 stories), so there the count is its own query.
     */
    private static long total(List<Object[]> rows, int column, Paging paging, Supplier<Query> count) {
        if (!Database.H2 && !rows.isEmpty()) {
            return ((Number) rows.get(0)[column]).longValue();
        }
        return rows.isEmpty() && paging.offset() == 0 ? 0 : ((Number) count.get().getSingleResult()).longValue();
    }
}
