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

import dev.storytracker.Database;
import dev.storytracker.SlugEnum;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;

/**
 * "Which stories motivate this item and everything under it?" A fixed number of queries whatever the page size: the
 * subtree's item ids, the total with the counts per character and per theme, the page, and the themes and linked items
 * of the stories on the page. With rollup the counts are read from the stored tally ({@link StoryReach}: a few hundred
 * rows whatever the number of stories) unless the scope filters by theme; then, and without rollup, the database
 * counts them (GROUP BY: one statement on PostgreSQL, two on H2). Pages also list the stories grouped under their
 * character or theme.
 */
@ApplicationScoped
public class ItemStoryQueries {

    /**
     * "Linked to the item itself", as a condition on each story {@code s}. Every query here uses this form (or {@link
     * #REACHED}), never a join on a derived table of the links: H2 chooses its join order by cost, and whenever it put
     * the story table first it pushed {@code r.story_id = s.id} into the derived table and ran it once per story
     * (minutes for a goal with 92,000 links, see docs/benchmarks.md). Here each story costs one look-up in the (story,
     * item) index; on H2 the item id is written as an expression ({@code + 0}), or H2 picks the item index and reads
     * the item's links per story. PostgreSQL plans it as a semi-join either way.
     */
    private static final String LINKED = " and exists (select 1 from story_link l where l.story_id = s.id"
            + " and l.item_id" + (Database.H2 ? " + 0" : "") + " = :root)";

    /** "Linked to the item or to anything below it": one look-up in the stored reach's primary key per story. */
    private static final String REACHED = " and exists (select 1 from item_reach r where r.item_id = :root"
            + " and r.story_id = s.id)";

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

    /** The item a list is about, whether it rolls up, and the items it covers: itself and, with rollup, all below. */
    public record Reach(long root, boolean rollup, List<Long> items) {

        /** The condition a story reaching the item meets, on {@code story s}. */
        String condition() {
            return rollup ? REACHED : LINKED;
        }
    }

    /**
     * How many distinct stories reach the item, and how many of them per character and per theme; with the reach they
     * were counted over, so that a list of the same stories need not read the subtree again.
     */
    public record Tally(Reach reach, long total, List<PlannerJson.Count> characters, List<PlannerJson.Count> themes) {
    }

    public PlannerJson.ItemStories stories(RoadmapItem item, boolean rollup, StoryScope scope, Paging paging) {
        Tally tally = tally(reach(item, rollup), scope);
        List<PlannerJson.ItemStory> stories = tally.total() == 0 ? List.of()
                : page(tally.reach(), "", " from story s left join story_character c on c.id = s.character_id where "
                        + scope.where() + tally.reach().condition(), "", scope, paging).stream()
                        .map(Grouped::story).toList();
        return new PlannerJson.ItemStories(item.slug, rollup,
                new Page<>(stories, tally.total(), paging.page(), paging.size()), tally.characters(),
                tally.themes());
    }

    /** The stories reaching the item counted in total, per character and per theme. */
    public Tally tally(RoadmapItem item, boolean rollup, StoryScope scope) {
        return tally(reach(item, rollup), scope);
    }

    private Tally tally(Reach reach, StoryScope scope) {
        if (reach.rollup() && scope.tallyWhere() != null) {
            return stored(reach, scope);
        }
        return counted(reach, scope);
    }

    /**
     * From the stored tally: the item's rows in scope summed per character and theme. Theme 0 counts each story once
     * (so its rows give the total and the counts per character); themes above 0 give the counts per theme.
     */
    private Tally stored(Reach reach, StoryScope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("select g.theme_id, c.slug, th.slug, g.n from"
                + " (select t.character_id, t.theme_id, sum(t.stories) as n from item_tally t where t.item_id = :root"
                + " and t.theme_id >= 0 and " + scope.tallyWhere() + " group by t.character_id, t.theme_id) g"
                + " left join story_character c on c.id = g.character_id left join theme th on th.id = g.theme_id"
                + " where g.n > 0")).setParameter("root", reach.root()).getResultList();
        long total = 0;
        Map<String, Long> characters = new HashMap<>();
        Map<String, Long> themes = new HashMap<>();
        for (Object[] r : rows) {
            long count = ((Number) r[3]).longValue();
            if (((Number) r[0]).longValue() == 0) {
                total += count;
                if (r[1] != null) {
                    characters.merge((String) r[1], count, Long::sum);
                }
            } else {
                themes.merge((String) r[2], count, Long::sum);
            }
        }
        return new Tally(reach, total, sorted(characters), sorted(themes));
    }

    /** Most stories first, then by slug: the order the counting statements give. */
    private static List<PlannerJson.Count> sorted(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new PlannerJson.Count(e.getKey(), e.getValue()))
                .sorted(ORDER).toList();
    }

    private static final Comparator<PlannerJson.Count> ORDER = Comparator.comparingLong(PlannerJson.Count::stories)
            .reversed().thenComparing(PlannerJson.Count::slug);

    /**
     * Counted by the database. On PostgreSQL one statement: the reached stories are found once and counted three ways,
     * instead of three statements that each find them again. H2 has no materialized CTE and would find them once per
     * reference, so there it is two statements: per character (whose groups add up to the total) and per theme.
     */
    private Tally counted(Reach reach, StoryScope scope) {
        String reached = reach.condition();
        if (Database.H2) {
            // Each story has one character or none, so the groups (none included) add up to the total.
            List<PlannerJson.Count> perCharacter = counts("select c.slug, count(*)"
                    + " from story s left join story_character c on c.id = s.character_id where " + scope.where()
                    + reached + " group by c.slug", reach, scope);
            return new Tally(reach, perCharacter.stream().mapToLong(PlannerJson.Count::stories).sum(),
                    perCharacter.stream().filter(c -> c.slug() != null).toList(), themes(reach, scope));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("with reached(id, character_id) as materialized"
                + " (select s.id, s.character_id from story s where " + scope.where() + reached + ")"
                + " select 0, cast(null as varchar(100)), count(*) from reached"
                + " union all select 1, c.slug, count(*) from reached r join story_character c on c.id = r.character_id"
                + " group by c.slug"
                + " union all select 2, th.slug, count(*) from reached r join story_theme st on st.story_id = r.id"
                + " join theme th on th.id = st.theme_id group by th.slug"), reach, scope).getResultList();
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
        characters.sort(ORDER);
        themes.sort(ORDER);
        return new Tally(reach, total, characters, themes);
    }

    /** Stories reaching the item per theme, by the database. */
    private List<PlannerJson.Count> themes(Reach reach, StoryScope scope) {
        return counts("select th.slug, count(*) from story s"
                + " join story_theme st on st.story_id = s.id join theme th on th.id = st.theme_id where "
                + scope.where() + reach.condition() + " group by th.slug", reach, scope);
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
        Reach reach = tally.reach();
        // By character each story is listed once, so the tally's total is the list's; by theme, count the pairs.
        long total = by == Grouping.CHARACTER ? tally.total() : themePairs(reach, scope, joins);
        List<Grouped> rows = total == 0 ? List.of()
                : page(reach, ", " + group, " from story s" + joins + reach.condition(),
                        "case when " + group + " is null then 1 else 0 end, " + group + ", ", scope, paging);
        return new Page<>(rows, total, paging.page(), paging.size());
    }

    /** (story, theme) pairs, a story without themes once: from the stored tally's theme rows when it can answer. */
    private long themePairs(Reach reach, StoryScope scope, String joins) {
        if (reach.rollup() && scope.tallyWhere() != null) {
            return ((Number) scope.bind(em.createNativeQuery("select coalesce(sum(t.stories), 0) from item_tally t"
                    + " where t.item_id = :root and (t.theme_id > 0 or t.theme_id = " + StoryReach.NO_THEME + ") and "
                    + scope.tallyWhere()))
                    .setParameter("root", reach.root()).getSingleResult()).longValue();
        }
        return ((Number) bind(em.createNativeQuery("select count(*) from story s" + joins + reach.condition()),
                reach, scope).getSingleResult()).longValue();
    }

    private List<Grouped> page(Reach reach, String groupColumn, String from, String groupOrder, StoryScope scope,
            Paging paging) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("select s.id, s.slug, s.kind, s.title, s.summary,"
                + " c.slug, s.state" + groupColumn + from + " order by " + groupOrder + scope.newestFirst()
                + " offset :offset rows fetch next :size rows only"), reach, scope)
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
                + (Database.H2 ? " + 0" : "") + " in (:items) order by i.slug").setParameter("items", reach.items())
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

    private List<PlannerJson.Count> counts(String sql, Reach reach, StoryScope scope) {
        List<PlannerJson.Count> counts = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery(sql + " order by 2 desc, 1"), reach, scope).getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new PlannerJson.Count((String) r[0], ((Number) r[1]).longValue()));
        }
        return counts;
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Reach reach, StoryScope scope) {
        return scope.bind(query).setParameter("root", reach.root());
    }

    /**
     * The item and, with rollup, every item below it (a few thousand ids at most), for the links a page's stories
     * reach it through.
     */
    private Reach reach(RoadmapItem item, boolean rollup) {
        if (!rollup) {
            return new Reach(item.id, false, List.of(item.id));
        }
        List<Long> items = new ArrayList<>();
        for (Object id : em.createNativeQuery(RoadmapTree.closure(true)
                + "select descendant_id from roadmap_closure where ancestor_id = :root").setParameter("root", item.id)
                .getResultList()) {
            items.add(((Number) id).longValue());
        }
        return new Reach(item.id, true, items);
    }
}
