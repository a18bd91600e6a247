package dev.storytracker.roadmap;

import java.util.ArrayList;
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

import dev.storytracker.SlugEnum;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;

/**
 * The traceability matrix (roadmap items x characters, themes and kinds, counted by GROUP BY over the closure) and its
 * list form, one row per link, read in keyset batches so that a export of every link never holds them all.
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
     * Where a streamed export of every link has got to: the items that have links, in slug order with how many each
     * has (a few thousand numbers at most), the first item not written out yet, and the last story written of it.
     */
    public static final class LinkCursor {
        final Optional<StoryState> state;
        final List<String> items = new ArrayList<>();
        final List<Long> counts = new ArrayList<>();
        int next;
        String afterStory;

        LinkCursor(Optional<StoryState> state) {
            this.state = state;
        }
    }

    /** Starts an export of the links in the list form's order (item slug, then story slug). */
    @Transactional
    public LinkCursor linkCursor(Optional<StoryState> state) {
        LinkCursor cursor = new LinkCursor(state);
        // Counted with the export's own condition, so that each batch's items hold as many links as it asks for:
        // counting every state made most batches come back short and ask again (1,149 queries for 300,000 accepted
        // links of 500,000 in batches of 1,000; 701 with these counts).
        TypedQuery<Object[]> counts = em.createQuery("select i.slug, count(*) from StoryLink l join l.item i"
                + (state.isPresent() ? " join l.story s where s.state = :state" : "") + " group by i.slug"
                + " order by i.slug", Object[].class);
        state.ifPresent(value -> counts.setParameter("state", value));
        for (Object[] row : counts.getResultList()) {
            cursor.items.add((String) row[0]);
            cursor.counts.add((Long) row[1]);
        }
        return cursor;
    }

    /**
     * The next {@code limit} links of an export, fewer only at its end. Each query asks for the links of the next few
     * items only (by the index on the link's item), so every batch costs about the same however far the export has
     * got; each call is its own short transaction, so a long export holds no cursor open.
     */
    @Transactional
    public List<PlannerJson.TraceLink> nextLinks(LinkCursor cursor, int limit) {
        List<PlannerJson.TraceLink> links = new ArrayList<>(limit);
        while (links.size() < limit && cursor.next < cursor.items.size()) {
            int wanted = limit - links.size();
            List<String> chunk = new ArrayList<>();
            long planned = 0;
            int end = cursor.next;
            while (end < cursor.items.size() && (chunk.isEmpty() || planned + cursor.counts.get(end) <= wanted)) {
                chunk.add(cursor.items.get(end));
                planned += cursor.counts.get(end++);
            }
            List<String> clauses = new ArrayList<>(List.of("i.slug in :items"));
            cursor.state.ifPresent(value -> clauses.add("s.state = :state"));
            if (cursor.afterStory != null) {
                clauses.add("(i.slug <> :first or s.slug > :story)");
            }
            TypedQuery<Object[]> query = em.createQuery(LINKS + " where " + String.join(" and ", clauses)
                    + " order by i.slug, s.slug", Object[].class).setParameter("items", chunk);
            cursor.state.ifPresent(value -> query.setParameter("state", value));
            if (cursor.afterStory != null) {
                query.setParameter("first", chunk.get(0)).setParameter("story", cursor.afterStory);
            }
            List<PlannerJson.TraceLink> rows = query.setMaxResults(wanted).getResultList().stream()
                    .map(TraceQueries::link).toList();
            links.addAll(rows);
            if (rows.size() < wanted) {
                // Every link of the chunk is written.
                cursor.next = end;
                cursor.afterStory = null;
            } else {
                PlannerJson.TraceLink last = rows.get(rows.size() - 1);
                cursor.next = cursor.items.indexOf(last.item());
                cursor.afterStory = last.story();
            }
        }
        return links;
    }

    private static PlannerJson.TraceLink link(Object[] r) {
        return new PlannerJson.TraceLink((String) r[0], (String) r[1], (RoadmapLevel) r[2], (String) r[3],
                (String) r[4], (StoryKind) r[5], (StoryState) r[6], (String) r[7], (LinkRelation) r[8],
                (String) r[9]);
    }
}
