package dev.storytracker.roadmap;

/**
 * The roadmap's hierarchy as SQL: a recursive common table expression {@code roadmap_closure(ancestor_id,
 * descendant_id, depth)} pairing every item with itself (depth 0) and with each item below it. It is computed from
 * {@code parent_id} on every query (the tree holds thousands of items at most and is at most as deep as there are
 * levels), so the closure itself is never stored; the story counts that depend on it are ({@link StoryReach}). Runs on
 * H2 2 and PostgreSQL.
 */
final class RoadmapTree {

    private static final String ROLLUP = "with recursive roadmap_closure(ancestor_id, descendant_id, depth) as ("
            + "select id, id, 0 from roadmap_item"
            + " union all select c.ancestor_id, i.id, c.depth + 1 from roadmap_closure c"
            + " join roadmap_item i on i.parent_id = c.descendant_id where c.depth < "
            + RoadmapLevel.values().length + ") ";

    /** Without rollup each item reaches only itself, so the same queries count direct links only. */
    private static final String DIRECT = "with recursive roadmap_closure(ancestor_id, descendant_id, depth) as ("
            + "select id, id, 0 from roadmap_item) ";

    private RoadmapTree() {
    }

    /** The {@code with} clause to put before a query that joins {@code roadmap_closure}; more CTEs may follow a comma. */
    static String closure(boolean rollup) {
        return rollup ? ROLLUP : DIRECT;
    }
}
