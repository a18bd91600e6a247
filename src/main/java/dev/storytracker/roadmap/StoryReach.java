package dev.storytracker.roadmap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.storytracker.Database;
import dev.storytracker.changes.Changes;
import dev.storytracker.story.StoryChanged;

/**
 * Keeps the stored counts current on write, so that the planners' and the working group's figures add up a few
 * hundred rows instead of counting tens of thousands of stories on every request (docs/benchmarks.md):
 * <ul>
 * <li>{@code story_tally_key}: how each story is counted, its state, kind and character (0: none), once with theme
 * {@value #STORY} (the story itself), once per theme or once with {@value #NO_THEME} when it has none, and once with
 * {@value #LINKED} when it is linked to any roadmap item;</li>
 * <li>{@code catalog_tally}: all stories by state, kind, character and theme (the keys summed);</li>
 * <li>{@code item_reach}: each roadmap item and every story linked to it or below it, once, and whether linked to the
 * item itself;</li>
 * <li>{@code item_tally}: per item, the stories reaching it by state, kind, character and theme, and with theme
 * {@value #DIRECT} those linked to the item itself.</li>
 * </ul>
 * Every write that creates a story or changes its links, state, kind, character or themes calls
 * {@link #storiesChanged} (or fires {@link StoryChanged}), and every change of an item's parent calls
 * {@link #itemMoved}, in the writer's transaction. Each story is recounted as a whole: its old contribution (its
 * recorded keys, and its reach times those keys) is taken away and its new one added, so the caller need not say what
 * changed. Statements are set-based, a thousand stories at a time; the stories are locked first, so two transactions
 * recounting the same story take turns, and tally rows are changed in key order, so they do not deadlock each other.
 * An import instead leaves the stories it writes in {@code story_recount} ({@link #later}) and recounts them every few
 * thousand files ({@link #drain}).
 */
@ApplicationScoped
public class StoryReach {

    private static final Logger LOG = Logger.getLogger(StoryReach.class);

    /**
     * Stories recounted per round of statements (the bound of each IN list). An import's recount changes fewer tally
     * rows per story in larger rounds (their stories share more rows): at 5,000 a quarter less time than at 1,000. But
     * {@link #ITEM_UPSERT} names the list 20 times, Hibernate pads each list to the next power of two, and PostgreSQL
     * takes at most 65,535 parameters per statement: 2,000 (padded to 2,048) is the largest that fits.
     */
    static final int CHUNK = 2000;

    /** Stories an import left waiting that {@link #drain} recounts per transaction. */
    static final int DRAIN = 6000;

    /**
     * The fewest waiting stories that {@link #drain} counts from scratch instead (when they are also at least half of
     * all stories): below it the recount is quick either way, and a rebuild holds the counts' tables for its length.
     */
    public static final int REBUILD_FROM = 1000;

    /** How long a rebuild may take before its transaction is rolled back. */
    static final int REBUILD_TIMEOUT_SECONDS = 3600;

    /** The theme of the key that counts the story itself. */
    static final long STORY = 0;
    /** The theme of the key of a story without themes. */
    static final long NO_THEME = -1;
    /** The theme of the key of a story linked to at least one roadmap item (catalogue only). */
    static final long LINKED = -2;
    /** The theme of an item's count of the stories linked to the item itself (items only, from theme 0's keys). */
    static final long DIRECT = -3;

    private static final String KEY_COLUMNS = "state, kind, character_id, theme_id";

    /** The reach of the stories {@code :ids}: each link's item and its ancestors, as (item_id, story_id, direct). */
    private static final String REACH = reachOf("l.story_id in (:ids)");

    /** The keys of the stories {@code :ids} as they are now: (story_id, theme_id, state, kind, character_id). */
    private static final String NEW_KEYS = keysOf("s.id in (:ids)", "st.story_id in (:ids)");

    /** Every story's keys, for {@link #rebuild}. */
    private static final String ALL_KEYS = keysOf("true", "true");

    /** The keys of the stories matching {@code stories} (on {@code story s}), their themes also {@code themes}. */
    private static String keysOf(String stories, String themes) {
        String columns = "s.state, s.kind, coalesce(s.character_id, 0)";
        return "select s.id as story_id, " + STORY + " as theme_id, " + columns + " as character_id from story s"
                + " where " + stories + " union all select s.id, st.theme_id, " + columns + " from story s"
                + " join story_theme st on st.story_id = s.id where " + stories + " and " + themes
                + " union all select s.id, " + NO_THEME + ", " + columns + " from story s where " + stories
                + " and not exists (select 1 from story_theme st where st.story_id = s.id)"
                + " union all select s.id, " + LINKED + ", " + columns + " from story s where " + stories
                + " and exists (select 1 from story_link l where l.story_id = s.id)";
    }

    /**
     * PostgreSQL: the catalogue's change for the stories {@code :ids}, their recorded keys taken away and their keys as
     * they are now added, in one pass: one upsert in key order, so that two transactions never hold rows the other
     * waits for (taking the old away and adding the new as two passes could), and safe when both add the first story
     * of a key at once. Keys whose count does not change are not touched.
     */
    private static final String CATALOG_UPSERT = "insert into catalog_tally (" + KEY_COLUMNS + ", stories)"
            + " select " + KEY_COLUMNS + ", sum(n) from (select " + KEY_COLUMNS + ", -1 as n from story_tally_key"
            + " where story_id in (:ids) union all select " + KEY_COLUMNS + ", 1 from (" + NEW_KEYS + ") k) d"
            + " group by " + KEY_COLUMNS + " having sum(n) <> 0 order by 1, 2, 3, 4"
            + " on conflict (" + KEY_COLUMNS + ") do update set stories = catalog_tally.stories + excluded.stories";

    /**
     * PostgreSQL: the same for the items, the recorded reach times the recorded keys against the reach and keys now;
     * where the story is linked to the item itself, its theme 0 key once more as {@value #DIRECT}.
     */
    private static final String ITEM_UPSERT = "insert into item_tally (item_id, " + KEY_COLUMNS + ", stories)"
            + " select item_id, " + KEY_COLUMNS + ", sum(n) from (" + itemKeys("item_reach r", "story_tally_key k",
                    "r.story_id in (:ids) and k.story_id in (:ids) and ", -1)
            + " union all " + itemKeys("(" + REACH + ") r", "(" + NEW_KEYS + ") k", "", 1) + ") d"
            + " group by item_id, " + KEY_COLUMNS + " having sum(n) <> 0 order by 1, 2, 3, 4, 5"
            + " on conflict (item_id, " + KEY_COLUMNS + ")"
            + " do update set stories = item_tally.stories + excluded.stories";

    /** An item's keys from {@code reach} times {@code keys}, with {@code n} for each: the tally's change. */
    private static String itemKeys(String reach, String keys, String where, int n) {
        return "select r.item_id, k.state, k.kind, k.character_id, k.theme_id, " + n + " as n from " + reach
                + " join " + keys + " on k.story_id = r.story_id where " + where + "k.theme_id <> " + LINKED
                + " union all select r.item_id, k.state, k.kind, k.character_id, " + DIRECT + ", " + n + " from "
                + reach + " join " + keys + " on k.story_id = r.story_id where " + where + "r.direct = 1"
                + " and k.theme_id = " + STORY;
    }

    @Inject
    EntityManager em;

    @Inject
    Changes changes;

    /**
     * Recounts the given stories after they were created or their links, state, kind, character or themes changed
     * (flushing first, so that the statements see the change).
     */
    public void storiesChanged(Collection<Long> storyIds) {
        if (storyIds.isEmpty()) {
            return;
        }
        em.flush();
        chunks(storyIds).forEach(this::recount);
    }

    /**
     * For an import: leaves the given stories to be recounted by {@link #drain}, in the caller's transaction. An import
     * writes a hundred files per transaction; recounting them there rewrote the same tally pages for every batch (on H2
     * a 100,000-story import went from 1,100 to 350 stories/s), where a recount of thousands at a time changes each
     * tally row once for all of them. Until the drain the stories' counts lag behind; the queue survives a crash and
     * the next start or import drains it. The stories must be written already: unlike {@link #storiesChanged} this does
     * not flush (the import flushes its batch once; each flush checks every entity of the batch for changes again).
     */
    public void later(Collection<Long> storyIds) {
        if (storyIds.isEmpty()) {
            return;
        }
        for (List<Long> ids : chunks(storyIds)) {
            em.createNativeQuery(Database.H2
                    ? "insert into story_recount (story_id) select s.id from story s where s.id in (:ids)"
                            + " and not exists (select 1 from story_recount r where r.story_id = s.id)"
                    : "insert into story_recount (story_id) select s.id from story s where s.id in (:ids)"
                            + " on conflict do nothing")
                    .setParameter("ids", ids).executeUpdate();
        }
    }

    /**
     * Recounts the stories {@link #later} left waiting, {@value #DRAIN} per transaction (each a pass of {@value #CHUNK}
     * at a time in story order), until none is left. Two imports draining at once recount the same stories twice,
     * one after the other (the stories are locked): the result is the same.
     */
    public void drain() {
        if (worthRebuilding()) {
            rebuild();
            return;
        }
        while (drainRound()) {
            // each round recounts DRAIN stories in a transaction of its own
        }
    }

    /**
     * PostgreSQL: whether the waiting stories are at least {@value #REBUILD_FROM} and at least half of all stories, as
     * after a large import into an empty or small tracker. Recounting story by story then costs several times what
     * counting everything from scratch does: at 100,000 new stories the item counts alone took 60 s of upserts, two
     * million of them, where one grouped insert writes their 800,000 rows in 6 s (docs/benchmarks.md).
     */
    private boolean worthRebuilding() {
        if (Database.H2) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            long waiting = count("select count(*) from story_recount");
            // Every drain asks, most with an empty queue: the stories are counted only when it could matter.
            return waiting >= REBUILD_FROM && waiting * 2 >= count("select count(*) from story");
        });
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /**
     * PostgreSQL: counts every story from scratch, in one transaction, and empties the queue. The four tables and the
     * queue are locked first (in the order a recount writes them, so neither waits for the other while holding what
     * the other wants): a recount running elsewhere finishes before the rebuild starts, one starting later waits and
     * then adjusts counts the rebuild made. Readers are not held up; they see the old counts until the commit.
     */
    void rebuild() {
        long start = System.nanoTime();
        // Its time grows with the whole tracker (23 s at 100,000 stories on two cores): the default transaction
        // timeout of a minute would roll back the rebuild of a larger one, and with it the import's end.
        QuarkusTransaction.requiringNew().timeout(REBUILD_TIMEOUT_SECONDS).run(() -> {
            em.createNativeQuery("set local work_mem = '256MB'").executeUpdate();
            em.createNativeQuery("lock table catalog_tally, item_tally, story_tally_key, item_reach, story_recount"
                    + " in exclusive mode").executeUpdate();
            for (String table : List.of("catalog_tally", "item_tally", "story_tally_key", "item_reach")) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
            // Each table's rows in the order of its primary key: the index then grows at its end instead of all over
            // (1.3 million reach rows: 8 s instead of 12).
            em.createNativeQuery("insert into item_reach (item_id, story_id, direct) " + reachOf("true")
                    + " order by item_id, story_id").executeUpdate();
            em.createNativeQuery("insert into story_tally_key (story_id, theme_id, state, kind, character_id) "
                    + ALL_KEYS + " order by 1, 2").executeUpdate();
            em.createNativeQuery("insert into catalog_tally (" + KEY_COLUMNS + ", stories) select " + KEY_COLUMNS
                    + ", count(*) from story_tally_key group by " + KEY_COLUMNS + " order by 1, 2, 3, 4")
                    .executeUpdate();
            em.createNativeQuery("insert into item_tally (item_id, " + KEY_COLUMNS + ", stories) select item_id, "
                    + KEY_COLUMNS + ", sum(n) from (" + itemKeys("item_reach r", "story_tally_key k", "", 1)
                    + ") d group by item_id, " + KEY_COLUMNS + " order by 1, 2, 3, 4, 5").executeUpdate();
            em.createNativeQuery("delete from story_recount").executeUpdate();
        });
        LOG.infof("counted all stories from scratch in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * One transaction of {@link #drain}; true when there may be more. A round that loses a deadlock to another
     * transaction recounting shared tally rows (a web write while an import recounts) is rolled back whole and run
     * again: the queue still holds its stories.
     */
    private boolean drainRound() {
        for (int attempt = 1;; attempt++) {
            try {
                return drainOnce();
            } catch (RuntimeException e) {
                if (attempt == 3 || !deadlocked(e)) {
                    throw e;
                }
                LOG.debugf(e, "a recount lost a deadlock; running it again (attempt %d)", attempt + 1);
            }
        }
    }

    private boolean drainOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!Database.H2) {
                // The change of 2,000 stories is some 90,000 rows to sort; PostgreSQL's default 4 MB spilled to disk.
                em.createNativeQuery("set local work_mem = '64MB'").executeUpdate();
            }
            @SuppressWarnings("unchecked")
            List<Number> found = em.createNativeQuery("select story_id from story_recount order by story_id")
                    .setMaxResults(DRAIN).getResultList();
            List<Long> ids = found.stream().map(Number::longValue).toList();
            storiesChanged(ids);
            for (List<Long> chunk : chunks(ids)) {
                em.createNativeQuery("delete from story_recount where story_id in (:ids)")
                        .setParameter("ids", chunk).executeUpdate();
            }
            return ids.size() == DRAIN;
        });
    }

    /** Whether the database chose this transaction as a deadlock's victim (PostgreSQL 40P01; H2 40001). */
    static boolean deadlocked(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Recounts what an import that stopped half-way left waiting. */
    void onStart(@Observes @Priority(1000) StartupEvent event) {
        drain();
    }

    /** A story was created, or its kind, character or themes revised. */
    void onStoryChanged(@Observes StoryChanged event) {
        storiesChanged(List.of(event.storyId()));
    }

    /** Recounts every story linked to the item or below it, after the item's parent changed. */
    public void itemMoved(RoadmapItem item) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(RoadmapTree.closure(true) + "select distinct l.story_id"
                + " from roadmap_closure t join story_link l on l.item_id = t.descendant_id"
                + " where t.ancestor_id = :item").setParameter("item", item.id).getResultList();
        storiesChanged(ids.stream().map(Number::longValue).toList());
    }

    private void recount(List<Long> ids) {
        // Waits for any other transaction recounting (or otherwise writing) these stories, so both never take the
        // same old contribution away. On PostgreSQL the lock an UPDATE takes, not FOR UPDATE: that one would also wait
        // for the key-share lock another transaction's new triage event holds on the story (its foreign key), while
        // that transaction waits for this one's update of the story: a deadlock, where one should get a 409.
        em.createNativeQuery("select id from story where id in (:ids) order by id for "
                + (Database.H2 ? "update" : "no key update")).setParameter("ids", ids).getResultList();
        if (!Database.H2) {
            em.createNativeQuery(CATALOG_UPSERT).setParameter("ids", ids).executeUpdate();
            em.createNativeQuery(ITEM_UPSERT).setParameter("ids", ids).executeUpdate();
            replace(ids);
            return;
        }
        // H2 has no ON CONFLICT ... DO UPDATE, and its MERGE ... USING ran the grouped change again for every row of
        // the tally (3x the time of a whole import), as did the grouped join itself: so the change is summed here from
        // single-table reads by index, before and after the stories' keys and reach are replaced, and applied once
        // per table in key order.
        Map<List<Object>, Long> catalog = new TreeMap<>(KEY_ORDER);
        Map<List<Object>, Long> items = new TreeMap<>(KEY_ORDER);
        sum(ids, -1, catalog, items);
        replace(ids);
        sum(ids, 1, catalog, items);
        catalog.values().removeIf(n -> n == 0);
        items.values().removeIf(n -> n == 0);
        changes.written(); // plain JDBC below, which Hibernate's statement inspector does not see
        em.unwrap(Session.class).doWork(connection -> {
            apply(connection, "catalog_tally", KEY_COLUMNS, catalog);
            apply(connection, "item_tally", "item_id, " + KEY_COLUMNS, items);
        });
    }

    /** Replaces the stories' recorded keys and reach with what they are now. */
    private void replace(List<Long> ids) {
        em.createNativeQuery("delete from story_tally_key where story_id in (:ids)").setParameter("ids", ids)
                .executeUpdate();
        em.createNativeQuery("delete from item_reach where story_id in (:ids)").setParameter("ids", ids)
                .executeUpdate();
        em.createNativeQuery("insert into item_reach (item_id, story_id, direct) " + REACH).setParameter("ids", ids)
                .executeUpdate();
        if (!Database.H2) {
            em.createNativeQuery("insert into story_tally_key (story_id, theme_id, state, kind, character_id) "
                    + NEW_KEYS).setParameter("ids", ids).executeUpdate();
            return;
        }
        // H2 planned the theme branch of NEW_KEYS as a scan of all story themes, testing each against the IN list
        // (100,000 stories: 115 s for a 10,000-story import); single-table reads by index, put together here, are not.
        Map<Long, List<Long>> themes = new HashMap<>();
        for (Object row : em.createNativeQuery("select story_id, theme_id from story_theme where story_id in (:ids)")
                .setParameter("ids", ids).getResultList()) {
            Object[] r = (Object[]) row;
            themes.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(((Number) r[1]).longValue());
        }
        @SuppressWarnings("unchecked")
        List<Number> linked = em.createNativeQuery("select distinct story_id from story_link where story_id in (:ids)")
                .setParameter("ids", ids).getResultList();
        Set<Long> isLinked = new HashSet<>();
        linked.forEach(id -> isLinked.add(id.longValue()));
        @SuppressWarnings("unchecked")
        List<Object[]> stories = em.createNativeQuery("select id, state, kind, coalesce(character_id, 0) from story"
                + " where id in (:ids)").setParameter("ids", ids).getResultList();
        changes.written(); // plain JDBC below, which Hibernate's statement inspector does not see
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into story_tally_key"
                    + " (story_id, theme_id, state, kind, character_id) values (?, ?, ?, ?, ?)")) {
                for (Object[] story : stories) {
                    long id = ((Number) story[0]).longValue();
                    List<Long> keys = new ArrayList<>(List.of(STORY));
                    keys.addAll(themes.getOrDefault(id, List.of(NO_THEME)));
                    if (isLinked.contains(id)) {
                        keys.add(LINKED);
                    }
                    for (long theme : keys) {
                        insert.setLong(1, id);
                        insert.setLong(2, theme);
                        insert.setString(3, (String) story[1]);
                        insert.setString(4, (String) story[2]);
                        insert.setLong(5, ((Number) story[3]).longValue());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** H2: adds the stories' recorded contribution, times {@code sign}, to the catalogue's and the items' changes. */
    private void sum(List<Long> ids, int sign, Map<List<Object>, Long> catalog, Map<List<Object>, Long> items) {
        Map<Long, List<List<Object>>> keys = new HashMap<>();
        for (Object row : em.createNativeQuery("select story_id, " + KEY_COLUMNS
                + " from story_tally_key where story_id in (:ids)").setParameter("ids", ids).getResultList()) {
            Object[] r = (Object[]) row;
            List<Object> key = List.of(r[1], r[2], ((Number) r[3]).longValue(), ((Number) r[4]).longValue());
            catalog.merge(key, (long) sign, Long::sum);
            if ((Long) key.get(3) != LINKED) {
                keys.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(key);
            }
        }
        for (Object row : em.createNativeQuery("select item_id, story_id, direct from item_reach"
                + " where story_id in (:ids)").setParameter("ids", ids).getResultList()) {
            Object[] r = (Object[]) row;
            long item = ((Number) r[0]).longValue();
            boolean direct = ((Number) r[2]).intValue() == 1;
            for (List<Object> key : keys.getOrDefault(((Number) r[1]).longValue(), List.of())) {
                items.merge(List.of(item, key.get(0), key.get(1), key.get(2), key.get(3)), (long) sign, Long::sum);
                if (direct && (Long) key.get(3) == STORY) {
                    items.merge(List.of(item, key.get(0), key.get(1), key.get(2), DIRECT), (long) sign, Long::sum);
                }
            }
        }
    }

    /**
     * H2: adds each delta to its row of the table, in key order: one batch of updates, then an insert for each key not
     * there yet. Should another transaction have inserted the same key meanwhile, the insert fails on the primary key
     * (H2 keeps this transaction open) and the row is updated instead.
     */
    private static void apply(Connection connection, String table, String columns, Map<List<Object>, Long> delta)
            throws SQLException {
        if (delta.isEmpty()) {
            return;
        }
        String[] names = columns.split(", ");
        String where = " where " + String.join(" = ? and ", names) + " = ?";
        List<Map.Entry<List<Object>, Long>> rows = new ArrayList<>(delta.entrySet());
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement("update " + table
                + " set stories = stories + ?" + where)) {
            for (Map.Entry<List<Object>, Long> row : rows) {
                bind(update, row);
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " (stories, " + columns
                + ") values (?" + ", ?".repeat(names.length) + ")");
                PreparedStatement update = connection.prepareStatement("update " + table
                        + " set stories = stories + ?" + where)) {
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    bind(insert, rows.get(i));
                    try {
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        if (!"23505".equals(e.getSQLState())) {
                            throw e;
                        }
                        bind(update, rows.get(i));
                        update.executeUpdate();
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, Map.Entry<List<Object>, Long> row) throws SQLException {
        statement.setLong(1, row.getValue());
        for (int i = 0; i < row.getKey().size(); i++) {
            statement.setObject(i + 2, row.getKey().get(i));
        }
    }

    /** Keys in column order (numbers and state or kind slugs), so that tally rows are always changed in one order. */
    @SuppressWarnings("unchecked")
    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable<Object>) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** The ids, distinct and in order (the order stories are locked in), cut into IN lists of {@value #CHUNK}. */
    private static List<List<Long>> chunks(Collection<Long> storyIds) {
        List<Long> ids = storyIds.stream().distinct().sorted().toList();
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    /**
     * The links of the stories matching {@code condition} (on {@code story_link l}) closed up the roadmap, one SELECT
     * per level, as (item_id, story_id, direct): each (item, story) once, direct 1 when the story is linked to the
     * item itself.
     */
    static String reachOf(String condition) {
        StringJoiner union = new StringJoiner(" union all ");
        union.add("select l.item_id, l.story_id, 1 as direct from story_link l where " + condition);
        StringBuilder from = new StringBuilder("story_link l");
        String item = "l.item_id";
        for (int depth = 1; depth < RoadmapLevel.values().length; depth++) {
            from.append(" join roadmap_item a").append(depth).append(" on a").append(depth).append(".id = ")
                    .append(item);
            item = "a" + depth + ".parent_id";
            union.add("select " + item + ", l.story_id, 0 from " + from + " where " + item + " is not null and "
                    + condition);
        }
        return "select item_id, story_id, max(direct) as direct from (" + union + ") x group by item_id, story_id";
    }
}
