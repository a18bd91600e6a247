package dev.storytracker.roadmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import dev.storytracker.SlugEnum;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;

/**
 * The traceability matrix (roadmap items x characters, themes and kinds, counted by GROUP BY over the closure) and its
 * list form, one row per link: a page at a time, or every link for an export, read a batch at a time by one statement.
 */
@ApplicationScoped
public class TraceQueries {

    /** Items in tree order: each goal, then what is below it; at most three levels, so three joins say it all. */
    private static final String ITEMS = "select i.id, i.slug, i.title, i.level, p.slug from roadmap_item i"
            + " left join roadmap_item p on p.id = i.parent_id left join roadmap_item g on g.id = p.parent_id"
            + " order by coalesce(g.slug, p.slug, i.slug),"
            + " case when g.id is not null then p.slug when p.id is not null then i.slug end nulls first,"
            + " case when g.id is not null then i.slug end nulls first"
            + " offset :offset rows fetch next :size rows only";

    private static final String REACHED = " from roadmap_closure t join story_link l on l.item_id = t.descendant_id"
            + " join story s on s.id = l.story_id";

    /** The export's rows as stored: the kinds, states, levels and relations are kept as their slugs. */
    private static final String EXPORT = "select i.slug, i.title, i.level, s.slug, s.title, s.kind, s.state, c.slug,"
            + " l.relation, l.note from story_link l join roadmap_item i on i.id = l.item_id"
            + " join story s on s.id = l.story_id left join story_character c on c.id = s.character_id";

    /**
     * Rows the driver holds at once while an export reads (about 1.5 MB). PostgreSQL sends them through a portal in
     * batches of this many; H2 reads its sorted result from its own temporary storage past its in-memory limit.
     */
    static final int EXPORT_FETCH = 5000;

    private static final String LINKS = "select i.slug, i.title, i.level, s.slug, s.title, s.kind, s.state, c.slug,"
            + " l.relation, l.note from StoryLink l join l.item i join l.story s left join s.character c";

    @Inject
    EntityManager em;

    public PlannerJson.Trace matrix(boolean rollup, StoryScope scope, Paging paging) {
        List<String> characters = em.createQuery("select c.slug from StoryCharacter c order by c.slug", String.class)
                .getResultList();
        List<String> themes = em.createQuery("select t.slug from Theme t order by t.slug", String.class)
                .getResultList();
        long total = em.createQuery("select count(i) from RoadmapItem i", Long.class).getSingleResult();
        List<Object[]> items = new ArrayList<>();
        for (Object row : em.createNativeQuery(ITEMS).setParameter("offset", paging.offset())
                .setParameter("size", paging.size()).getResultList()) {
            items.add((Object[]) row);
        }
        List<PlannerJson.TraceRow> rows = new ArrayList<>(items.size());
        if (!items.isEmpty()) {
            List<Long> ids = items.stream().map(r -> ((Number) r[0]).longValue()).toList();
            String with = RoadmapTree.closure(rollup);
            Map<Long, Long> stories = new HashMap<>();
            counts(with + "select t.ancestor_id, 'all', count(distinct s.id)" + REACHED, ids, scope, "")
                    .forEach((id, byKey) -> stories.put(id, byKey.get("all")));
            Map<Long, Map<String, Long>> byCharacter = counts(with + "select t.ancestor_id, c.slug,"
                    + " count(distinct s.id)" + REACHED + " join story_character c on c.id = s.character_id", ids,
                    scope, ", c.slug");
            Map<Long, Map<String, Long>> byTheme = counts(with + "select t.ancestor_id, th.slug, count(distinct s.id)"
                    + REACHED + " join story_theme st on st.story_id = s.id join theme th on th.id = st.theme_id",
                    ids, scope, ", th.slug");
            Map<Long, Map<String, Long>> byKind = counts(with + "select t.ancestor_id, s.kind, count(distinct s.id)"
                    + REACHED, ids, scope, ", s.kind");
            for (Object[] r : items) {
                long id = ((Number) r[0]).longValue();
                rows.add(new PlannerJson.TraceRow((String) r[1], (String) r[2],
                        SlugEnum.parse(RoadmapLevel.class, (String) r[3]).orElseThrow(), (String) r[4],
                        stories.getOrDefault(id, 0L), byCharacter.getOrDefault(id, Map.of()),
                        byTheme.getOrDefault(id, Map.of()), byKind.getOrDefault(id, Map.of())));
            }
        }
        return new PlannerJson.Trace(rollup, characters, themes, SlugEnum.slugs(StoryKind.class),
                new Page<>(rows, total, paging.page(), paging.size()));
    }

    /** Runs a "root id, key, count" query grouped by root and key, for the roots on the page. */
    private Map<Long, Map<String, Long>> counts(String sql, List<Long> ids, StoryScope scope, String groupKey) {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        String grouped = sql + " where t.ancestor_id in (:ids) and " + scope.where() + " group by t.ancestor_id"
                + groupKey;
        for (Object row : scope.bind(em.createNativeQuery(grouped)).setParameter("ids", ids).getResultList()) {
            Object[] r = (Object[]) row;
            counts.computeIfAbsent(((Number) r[0]).longValue(), k -> new LinkedHashMap<>()).put((String) r[1],
                    ((Number) r[2]).longValue());
        }
        return counts;
    }

    /** A page of the list form, by item then story. */
    public Page<PlannerJson.TraceLink> links(Optional<StoryState> state, Paging paging) {
        String where = state.isPresent() ? " where s.state = :state" : "";
        TypedQuery<Long> count = em.createQuery("select count(*) from StoryLink l join l.story s" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery(LINKS + where + " order by i.slug, s.slug", Object[].class);
        state.ifPresent(value -> {
            count.setParameter("state", value);
            rows.setParameter("state", value);
        });
        List<PlannerJson.TraceLink> links = rows.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList().stream().map(TraceQueries::link).toList();
        return new Page<>(links, count.getSingleResult(), paging.page(), paging.size());
    }

    /**
     * Receives the cells of one link of an export, in {@link TraceCsvResource#HEADER}'s order; the list is reused for
     * the next link, so it is good only during the call.
     */
    @FunctionalInterface
    public interface LinkSink {
        void accept(List<String> cells) throws IOException;
    }

    /**
     * Hands every link of an export to the sink, in the list form's order (item slug, then story slug): one
     * statement, so one snapshot, read {@value #EXPORT_FETCH} rows at a time (the driver holds no more). Its
     * transaction lasts as long as the database takes to produce the rows and the sink to take them, so the sink must
     * not wait for a client (the CSV is written to a file first).
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public void eachLink(Optional<StoryState> state, LinkSink sink) throws IOException {
        try {
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(EXPORT
                        + (state.isPresent() ? " where s.state = ?" : "") + " order by i.slug, s.slug")) {
                    if (state.isPresent()) {
                        statement.setString(1, state.get().slug());
                    }
                    statement.setFetchSize(EXPORT_FETCH);
                    try (ResultSet rows = statement.executeQuery()) {
                        String[] cells = new String[TraceCsvResource.HEADER.size()];
                        List<String> view = Arrays.asList(cells);
                        while (rows.next()) {
                            for (int i = 0; i < cells.length; i++) {
                                cells[i] = rows.getString(i + 1);
                            }
                            sink.accept(view);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static PlannerJson.TraceLink link(Object[] r) {
        return new PlannerJson.TraceLink((String) r[0], (String) r[1], (RoadmapLevel) r[2], (String) r[3],
                (String) r[4], (StoryKind) r[5], (StoryState) r[6], (String) r[7], (LinkRelation) r[8],
                (String) r[9]);
    }
}
