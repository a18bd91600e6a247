package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.storytracker.Database;
import dev.storytracker.SlugEnum;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;

/**
 * "Which stories motivate this item and everything under it?" A fixed number of queries whatever the page size: the
 * subtree's item ids, the total with the counts per character and per theme (GROUP BY in the database: one statement
 * on PostgreSQL, two on H2), the page, and the themes and linked items of the stories on the page. Pages also list
 * the stories grouped under their character or theme.
 */
@ApplicationScoped
public class ItemStoryQueries {

    /**
     * "Linked to the root item or, through the closure, to any item below it", as a condition on each story {@code s}
     * (the subtree's item ids are read first, see {@link #reach}). Every query here uses this form, never a join on a
     * derived table of the links: H2 chooses its join order by cost, and whenever it put the story table first it
     * pushed {@code r.story_id = s.id} into the derived table and ran it, every link of the subtree, once per story
     * (minutes for a goal with 92,000 links, see docs/benchmarks.md). Here each story costs one look-up in the
     * (story, item) index; on H2 the item id is written as an expression ({@code + 0}), or H2 picks the item index for
     * the IN list and reads the subtree's links per story again. PostgreSQL plans it as a semi-join either way.
     */
    private static final String LINKED = " and exists (select 1 from story_link l where l.story_id = s.id"
            + " and l.item_id" + (Database.H2 ? " + 0" : "") + " in (:items))";

    @Inject
    EntityManager em;

    /** How a page lists an item's stories: under each character (each story once) or each theme (once per theme). */
    public enum Grouping {
        CHARACTER,
        THEME
    }

    /** A story in a grouped list, with the character or theme it is listed under (null: none). */
    public record Grouped(String group, PlannerJson.ItemStory story) {
    }

    /**
     * How many distinct stories reach the item, and how many of them per character and per theme; with the item ids
     * they were counted over (the item and, with rollup, everything below it), so that a list of the same stories
     * need not read them again.
     */
    public record Tally(List<Long> items, long total, List<PlannerJson.Count> characters,
            List<PlannerJson.Count> themes) {
    }

    public PlannerJson.ItemStories stories(RoadmapItem item, boolean rollup, StoryScope scope, Paging paging) {
        String where = " where " + scope.where();
        List<Long> items = reach(item, rollup);
        Tally tally = tally(items, scope);
        List<PlannerJson.ItemStory> stories = tally.total() == 0 ? List.of()
                : page(items, "",
                        " from story s left join story_character c on c.id = s.character_id" + where + LINKED,
                        "", scope, paging).stream().map(Grouped::story).toList();
        return new PlannerJson.ItemStories(item.slug, rollup,
                new Page<>(stories, tally.total(), paging.page(), paging.size()), tally.characters(),
                tally.themes());
    }

    /** The stories reaching the item counted in total, per character and per theme. */
    public Tally tally(RoadmapItem item, boolean rollup, StoryScope scope) {
        return tally(reach(item, rollup), scope);
    }

    /**
     * On PostgreSQL one statement: the reached stories are found once (a hash semi-join of the subtree's links) and
     * counted three ways, instead of three statements that each find them again (about 850 ms down to 300 ms for a
     * goal reaching 64,000 stories, see docs/benchmarks.md). H2 has no materialized CTE and would find them once per
     * reference, so there it is two statements: per character (whose groups add up to the total) and per theme.
     */
    private Tally tally(List<Long> items, StoryScope scope) {
        if (Database.H2) {
            // Each story has one character or none, so the groups (none included) add up to the total.
            List<PlannerJson.Count> perCharacter = counts("select c.slug, count(*)"
                    + " from story s left join story_character c on c.id = s.character_id where " + scope.where()
                    + LINKED + " group by c.slug", items, scope);
            return new Tally(items, perCharacter.stream().mapToLong(PlannerJson.Count::stories).sum(),
                    perCharacter.stream().filter(c -> c.slug() != null).toList(), themes(items, scope));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("with reached(id, character_id) as materialized"
                + " (select s.id, s.character_id from story s where " + scope.where() + LINKED + ")"
                + " select 0, cast(null as varchar(100)), count(*) from reached"
                + " union all select 1, c.slug, count(*) from reached r join story_character c on c.id = r.character_id"
                + " group by c.slug"
                + " union all select 2, th.slug, count(*) from reached r join story_theme st on st.story_id = r.id"
                + " join theme th on th.id = st.theme_id group by th.slug"), items, scope).getResultList();
        long total = 0;
        List<PlannerJson.Count> characters = new ArrayList<>();
        List<PlannerJson.Count> themes = new ArrayList<>();
        for (Object[] r : rows) {
            long count = ((Number) r[2]).longValue();
            switch (((Number) r[0]).intValue()) {
                case 0 -> total = count;
                case 1 -> characters.add(new PlannerJson.Count((String) r[1], count));
                default -> themes.add(new PlannerJson.Count((String) r[1], count));
            }
        }
        // The order the H2 statements give: most stories first, then by slug.
        Comparator<PlannerJson.Count> order = Comparator.comparingLong(PlannerJson.Count::stories).reversed()
                .thenComparing(PlannerJson.Count::slug);
        characters.sort(order);
        themes.sort(order);
        return new Tally(items, total, characters, themes);
    }

    /** Stories reaching the item per theme, by the database. */
    private List<PlannerJson.Count> themes(List<Long> items, StoryScope scope) {
        return counts("select th.slug, count(*) from story s"
                + " join story_theme st on st.story_id = s.id join theme th on th.id = st.theme_id where "
                + scope.where() + LINKED + " group by th.slug", items, scope);
    }

    /**
     * A page of the stories the tally counted (its items; the same scope) sorted under their character or theme (those
     * without one last), newest first within a group. By theme a story is listed once per theme, so the total counts
     * (story, theme) pairs.
     */
    public Page<Grouped> grouped(StoryScope scope, Grouping by, Tally tally, Paging paging) {
        String group = by == Grouping.CHARACTER ? "c.slug" : "g.slug";
        String joins = " left join story_character c on c.id = s.character_id"
                + (by == Grouping.THEME ? " left join story_theme gst on gst.story_id = s.id"
                        + " left join theme g on g.id = gst.theme_id" : "")
                + " where " + scope.where();
        List<Long> items = tally.items();
        // By character each story is listed once, so the tally's total is the list's; by theme, count the pairs.
        long total = by == Grouping.CHARACTER ? tally.total()
                : ((Number) bind(em.createNativeQuery("select count(*) from story s" + joins + LINKED), items, scope)
                        .getSingleResult()).longValue();
        List<Grouped> rows = total == 0 ? List.of()
                : page(items, ", " + group, " from story s" + joins + LINKED,
                        "case when " + group + " is null then 1 else 0 end, " + group + ", ", scope, paging);
        return new Page<>(rows, total, paging.page(), paging.size());
    }

    private List<Grouped> page(List<Long> items, String groupColumn, String from, String groupOrder,
            StoryScope scope, Paging paging) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("select s.id, s.slug, s.kind, s.title, s.summary,"
                + " c.slug, s.state" + groupColumn + from + " order by " + groupOrder
                + "s.created_at desc, s.id desc offset :offset rows fetch next :size rows only"), items, scope)
                .setParameter("offset", paging.offset()).setParameter("size", paging.size()).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).distinct().toList();
        Map<Long, List<String>> themes = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("select st.story_id, th.slug from story_theme st join theme th"
                + " on th.id = st.theme_id where st.story_id in (:ids) order by th.slug").setParameter("ids", ids)
                .getResultList()) {
            Object[] r = (Object[]) row;
            themes.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
        }
        Map<Long, List<PlannerJson.Via>> via = new LinkedHashMap<>();
        // The page's stories drive (by the link's story index); on H2 the item id is an expression for the same
        // reason as in LINKED, or H2 reads every link of the subtree to find the page's.
        for (Object row : em.createNativeQuery("select l.story_id, i.slug, l.relation from story_link l"
                + " join roadmap_item i on i.id = l.item_id where l.story_id in (:ids) and l.item_id"
                + (Database.H2 ? " + 0" : "") + " in (:items) order by i.slug").setParameter("items", items)
                .setParameter("ids", ids).getResultList()) {
            Object[] r = (Object[]) row;
            via.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new PlannerJson.Via(
                    (String) r[1], SlugEnum.parse(LinkRelation.class, (String) r[2]).orElseThrow()));
        }
        List<Grouped> stories = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            stories.add(new Grouped(r.length > 7 ? (String) r[7] : null, new PlannerJson.ItemStory((String) r[1],
                    SlugEnum.parse(StoryKind.class, (String) r[2]).orElseThrow(), (String) r[3], (String) r[4],
                    (String) r[5], themes.getOrDefault(id, List.of()),
                    SlugEnum.parse(StoryState.class, (String) r[6]).orElseThrow(), via.getOrDefault(id, List.of()))));
        }
        return stories;
    }

    private List<PlannerJson.Count> counts(String sql, List<Long> items, StoryScope scope) {
        List<PlannerJson.Count> counts = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery(sql + " order by 2 desc, 1"), items, scope).getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new PlannerJson.Count((String) r[0], ((Number) r[1]).longValue()));
        }
        return counts;
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, List<Long> items,
            StoryScope scope) {
        return scope.bind(query).setParameter("items", items);
    }

    /**
     * The item and, with rollup, every item below it: read first (a few thousand ids at most), so that the story
     * queries need no recursive CTE inside a subquery, which H2 would evaluate again for every story.
     */
    private List<Long> reach(RoadmapItem item, boolean rollup) {
        if (!rollup) {
            return List.of(item.id);
        }
        List<Long> items = new ArrayList<>();
        for (Object id : em.createNativeQuery(RoadmapTree.closure(true)
                + "select descendant_id from roadmap_closure where ancestor_id = :root").setParameter("root", item.id)
                .getResultList()) {
            items.add(((Number) id).longValue());
        }
        return items;
    }
}
