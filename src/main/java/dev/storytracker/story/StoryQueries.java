package dev.storytracker.story;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.hibernate.Session;

import dev.storytracker.Database;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;

/**
 * Read side of stories. A page costs a fixed number of queries whatever its size: one for the rows, one for the
 * total, and one per collection (themes, projects, authors, roadmap, retells) for all rows at once.
 */
@ApplicationScoped
public class StoryQueries {

    @Inject
    EntityManager em;

    @Inject
    StoryCache cache;

    public Page<StoryJson.Summary> list(StoryFilter filter, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        long total = tallied(filter).orElseGet(() -> {
            TypedQuery<Long> count = em.createQuery("select count(*) from Story s" + where, Long.class);
            params.forEach(count::setParameter);
            return count.getSingleResult();
        });
        if (total == 0 || paging.offset() >= total) {
            return new Page<>(List.of(), total, paging.page(), paging.size());
        }
        TypedQuery<Object[]> rows = em.createQuery("select s.id, s.slug, s.kind, s.title, s.summary, c.slug, s.state,"
                + " s.createdAt, s.updatedAt, s.version from Story s left join s.character c" + where
                // A fixed state comes first (the same order): H2 then reads the page off ix_story_state_newest.
                + " order by " + (filter.state().isPresent() ? "s.state, " : "") + "s.createdAt desc, s.id desc",
                Object[].class);
        params.forEach(rows::setParameter);
        rows.setFirstResult(paging.offset()).setMaxResults(paging.size());
        return new Page<>(summaries(rows.getResultList()), total, paging.page(), paging.size());
    }

    /** {@link #tallied(List, Optional, Optional, Optional)} for a list's filter; empty when the tally cannot say. */
    private Optional<Long> tallied(StoryFilter filter) {
        if (filter.project().isPresent() || filter.roadmap().isPresent() || !filter.words().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tallied(filter.state().map(List::of).orElse(List.of()), filter.kind(),
                filter.character(), filter.theme()));
    }

    /**
     * The number of stories in any of {@code states} (empty: any state), of a kind, character and at most one theme,
     * from the stored tally ({@code catalog_tally}, kept current on write by {@code roadmap.StoryReach}): theme 0
     * counts each story once, a theme's rows the stories with that theme. A project, roadmap item or words are not
     * counted there.
     */
    public long tallied(List<StoryState> states, Optional<StoryKind> kind, Optional<String> character,
            Optional<String> theme) {
        StringBuilder sql = new StringBuilder("select coalesce(sum(t.stories), 0) from catalog_tally t where")
                .append(theme.isPresent() ? " t.theme_id = (select th.id from theme th where th.slug = :theme)"
                        : " t.theme_id = 0");
        kind.ifPresent(k -> sql.append(" and t.kind = :kind"));
        if (!states.isEmpty()) {
            sql.append(" and t.state in (:states)");
        }
        character.ifPresent(c -> sql.append(
                " and t.character_id = (select c.id from story_character c where c.slug = :character)"));
        var query = em.createNativeQuery(sql.toString());
        theme.ifPresent(t -> query.setParameter("theme", t));
        kind.ifPresent(k -> query.setParameter("kind", k.slug()));
        if (!states.isEmpty()) {
            query.setParameter("states", states.stream().map(StoryState::slug).toList());
        }
        character.ifPresent(c -> query.setParameter("character", c));
        return ((Number) query.getSingleResult()).longValue();
    }

    /** A story found by its slug, with what deciding who may see it needs. */
    public record Found(StoryJson.Detail detail, String editTokenHash) {
    }

    /** The whole story by its slug, in two statements: its row, then every list it carries in one union. */
    public Optional<Found> find(String slug) {
        return cache.find(slug, key -> load("s.slug = :key", key));
    }

    /** The whole story: its summary fields plus text, FAQ, links and the stories that retell it. */
    public StoryJson.Detail detail(Story story) {
        if (em.isJoinedToTransaction()) {
            em.flush(); // what a write in this transaction changed, before the native query reads the lists
        }
        return load("s.id = :key", story.id).orElseThrow().detail();
    }

    private Optional<Found> load(String condition, Object key) {
        List<Object[]> found = em.createQuery("select s.id, s.slug, s.kind, s.title, s.summary, c.slug, s.state,"
                + " s.createdAt, s.updatedAt, s.version, s.body, s.source, s.sourcePath, d.slug, series.slug,"
                + " s.editTokenHash from Story s left join s.character c left join s.duplicateOf d"
                + " left join s.series series where " + condition, Object[].class).setParameter("key", key)
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = found.get(0);
        Lists lists = lists((Long) r[0]);
        List<String> roadmap = lists.links.stream().map(StoryJson.Link::item).toList();
        return Optional.of(new Found(new StoryJson.Detail((String) r[1], (StoryKind) r[2], (String) r[3],
                (String) r[4], (String) r[5], lists.of(Part.THEME), lists.of(Part.PROJECT), (StoryState) r[6],
                lists.of(Part.AUTHOR), roadmap, lists.of(Part.RETELLS), lists.of(Part.RETOLD_BY), (String) r[13],
                (String) r[14], lists.of(Part.CHAPTER), lists.of(Part.FLAG), (StorySource) r[11], (String) r[12],
                (String) r[10], lists.faq, lists.links, (Instant) r[7], (Instant) r[8], (Integer) r[9]),
                (String) r[15]));
    }

    /** The lists one story carries, in the order the union below tags them. */
    private enum Part {
        THEME,
        PROJECT,
        AUTHOR,
        LINK,
        RETELLS,
        RETOLD_BY,
        CHAPTER,
        FLAG,
        FAQ
    }

    /**
     * The lists of one story, one select per {@link Part} in its order, each row ordered as the story shows it: slugs
     * alphabetically, authors, flags and FAQ entries in their saved order. Columns: a, b, c, d, position.
     */
    private static final List<String> PARTS = List.of(
            "t.slug, null, null, null, 0 from story_theme x join theme t on t.id = x.theme_id where x.story_id = ?",
            "p.slug, null, null, null, 0 from story_project x join project p on p.id = x.project_id"
                    + " where x.story_id = ?",
            "x.name, null, null, null, x.position from story_author x where x.story_id = ?",
            "i.slug, i.title, x.relation, x.note, 0 from story_link x join roadmap_item i on i.id = x.item_id"
                    + " where x.story_id = ?",
            "r.slug, null, null, null, 0 from story_retell x join story r on r.id = x.retold_id where x.story_id = ?",
            "r.slug, null, null, null, 0 from story_retell x join story r on r.id = x.story_id where x.retold_id = ?",
            "x.slug, null, null, null, 0 from story x where x.series_id = ?",
            "x.message, null, null, null, x.position from story_flag x where x.story_id = ?",
            "x.question, x.answer, null, null, x.position from story_faq x where x.story_id = ?");

    /**
     * All of {@link #PARTS} as one statement, each row tagged with its part: one round trip instead of nine, which
     * is what a PostgreSQL server over the network costs. H2 runs in this process, so there is no round trip to save;
     * and it parses a union again for every execution while it keeps each plain select parsed, so it gets the
     * nine.
     */
    private static final String UNION = IntStream.range(0, PARTS.size())
            .mapToObj(i -> "select " + i + " part, " + (i == 0 ? PARTS.get(i).replaceFirst("null, null, null",
                    "cast(null as varchar(16384)), cast(null as varchar(30)), cast(null as varchar(500))")
                    : PARTS.get(i)))
            .collect(Collectors.joining(" union all ", "", " order by 1, 6, 2"));

    private record Lists(Map<Part, List<String>> slugs, List<StoryJson.Link> links, List<StoryJson.Faq> faq) {

        List<String> of(Part part) {
            return Collections.unmodifiableList(slugs.getOrDefault(part, List.of())); // a story may be kept
        }
    }

    /**
     * Plain JDBC on the session's connection: the statements are fixed, and Hibernate's native queries would parse
     * each one again for parameters and read its result metadata on every call, which cost more than running it.
     */
    private Lists lists(long id) {
        Map<Part, List<String>> slugs = new EnumMap<>(Part.class);
        List<StoryJson.Link> links = new ArrayList<>();
        List<StoryJson.Faq> faq = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            if (Database.H2) {
                for (Part part : Part.values()) {
                    read(connection, "select " + PARTS.get(part.ordinal()) + " order by 5, 1", 1, id,
                            row -> add(part, row, 1, slugs, links, faq));
                }
            } else {
                read(connection, UNION, PARTS.size(), id,
                        row -> add(Part.values()[row.getInt(1)], row, 2, slugs, links, faq));
            }
        });
        return new Lists(slugs, Collections.unmodifiableList(links), Collections.unmodifiableList(faq));
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql} with each of its {@code parameters} set to the story's id. */
    private static void read(Connection connection, String sql, int parameters, long id, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= parameters; i++) {
                statement.setLong(i, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private static void add(Part part, ResultSet row, int first, Map<Part, List<String>> slugs,
            List<StoryJson.Link> links, List<StoryJson.Faq> faq) throws SQLException {
        String a = row.getString(first);
        switch (part) {
            // The relation column holds the relation's slug, as LinkRelation.Converter writes it.
            case LINK -> links.add(new StoryJson.Link(a, row.getString(first + 1), row.getString(first + 2),
                    row.getString(first + 3)));
            case FAQ -> faq.add(new StoryJson.Faq(a, row.getString(first + 1)));
            default -> slugs.computeIfAbsent(part, k -> new ArrayList<>()).add(a);
        }
    }

    /** Titles of the given stories, by slug; only accepted ones unless {@code all}. */
    public Map<String, String> titles(java.util.Collection<String> slugs, boolean all) {
        Map<String, String> titles = new HashMap<>();
        if (slugs.isEmpty()) {
            return titles;
        }
        var query = em.createQuery("select s.slug, s.title from Story s where s.slug in :slugs"
                + (all ? "" : " and s.state = :accepted"), Object[].class).setParameter("slugs", slugs);
        if (!all) {
            query.setParameter("accepted", StoryState.ACCEPTED);
        }
        query.getResultList().forEach(r -> titles.put((String) r[0], (String) r[1]));
        return titles;
    }

    /** Accepted stories per kind, counted by the database. */
    public Map<StoryKind, Long> acceptedPerKind() {
        Map<StoryKind, Long> counts = new HashMap<>();
        em.createQuery("select s.kind, count(*) from Story s where s.state = :accepted group by s.kind", Object[].class)
                .setParameter("accepted", StoryState.ACCEPTED).getResultList()
                .forEach(r -> counts.put((StoryKind) r[0], (Long) r[1]));
        return counts;
    }

    /** Accepted status-quo stories by title, for the "which stories does this retell" choice; at most {@code max}. */
    public List<Object[]> retellable(int max) {
        return em.createQuery("select s.slug, s.title from Story s where s.state = :accepted and s.kind = :kind"
                + " order by s.title", Object[].class).setParameter("accepted", StoryState.ACCEPTED)
                .setParameter("kind", StoryKind.STATUS_QUO).setMaxResults(max).getResultList();
    }

    private List<StoryJson.Summary> summaries(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        Map<Long, List<String>> themes = pairs("select s.id, t.slug from Story s join s.themes t where s.id in :ids"
                + " order by t.slug", ids);
        Map<Long, List<String>> projects = pairs("select s.id, p.slug from Story s join s.projects p"
                + " where s.id in :ids order by p.slug", ids);
        Map<Long, List<String>> authors = pairs("select s.id, a from Story s join s.authors a where s.id in :ids"
                + " order by index(a)", ids);
        Map<Long, List<String>> roadmap = pairs("select l.story.id, i.slug from StoryLink l join l.item i"
                + " where l.story.id in :ids order by i.slug", ids);
        Map<Long, List<String>> retells = pairs("select s.id, r.slug from Story s join s.retells r"
                + " where s.id in :ids order by r.slug", ids);
        List<StoryJson.Summary> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Long id = (Long) r[0];
            result.add(new StoryJson.Summary((String) r[1], (StoryKind) r[2], (String) r[3], (String) r[4],
                    (String) r[5], themes.getOrDefault(id, List.of()), projects.getOrDefault(id, List.of()),
                    (StoryState) r[6], authors.getOrDefault(id, List.of()), roadmap.getOrDefault(id, List.of()),
                    retells.getOrDefault(id, List.of()), (Instant) r[7], (Instant) r[8], (Integer) r[9]));
        }
        return result;
    }

    private Map<Long, List<String>> pairs(String query, List<Long> ids) {
        Map<Long, List<String>> map = new LinkedHashMap<>();
        for (Object[] row : em.createQuery(query, Object[].class).setParameter("ids", ids).getResultList()) {
            map.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return map;
    }

    private static String where(StoryFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        filter.kind().ifPresent(k -> {
            clauses.add("s.kind = :kind");
            params.put("kind", k);
        });
        filter.state().ifPresent(state -> {
            clauses.add("s.state = :state");
            params.put("state", state);
        });
        filter.character().ifPresent(c -> {
            clauses.add("s.character.id = (select c.id from StoryCharacter c where c.slug = :character)");
            params.put("character", c);
        });
        filter.theme().ifPresent(t -> {
            clauses.add("exists (select 1 from s.themes t where t.slug = :theme)");
            params.put("theme", t);
        });
        filter.project().ifPresent(p -> {
            clauses.add("exists (select 1 from s.projects p where p.slug = :project)");
            params.put("project", p);
        });
        filter.roadmap().ifPresent(r -> {
            clauses.add("exists (select 1 from StoryLink l where l.story = s and l.item.slug = :roadmap)");
            params.put("roadmap", r);
        });
        for (int i = 0; i < filter.words().size(); i++) {
            String name = "w" + i;
            clauses.add("(lower(s.title) like :" + name + " escape '!' or lower(s.summary) like :" + name
                    + " escape '!' or lower(s.body) like :" + name + " escape '!')");
            params.put(name, "%" + escapeLike(filter.words().get(i)) + "%");
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    static String escapeLike(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
