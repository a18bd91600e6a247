package dev.storytracker.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import dev.storytracker.roadmap.LinkRelation;
import dev.storytracker.roadmap.ProgressMode;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapState;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/**
 * Reads what the mdBook export writes, in keyset batches of accepted stories (a fixed number of queries per batch) so
 * that memory stays flat whatever the size of the corpus. Every list comes back in the database's own order, so that
 * two lists ordered by the same column can be walked side by side. Each call is its own short transaction.
 */
@ApplicationScoped
public class MdBookQueries {

    /** A slug with its display name. */
    public record Named(String slug, String name) {
    }

    /** A link as a story page shows it. */
    public record Link(String item, String itemTitle, LinkRelation relation, String note) {
    }

    /** One accepted story with everything its page shows. */
    public record StoryPage(String slug, StoryKind kind, String title, String body, Named character,
            List<Named> themes, List<String> projects, List<String> authors, List<String[]> faq, List<Link> links,
            List<Named> retells) {
    }

    /** A roadmap item; owners and impact included, since the roadmap holds thousands of items at most. */
    public record Item(long id, String slug, String title, RoadmapLevel level, Long parentId, RoadmapState state,
            int progress, ProgressMode mode, String landing, String impact, List<String> owners) {
    }

    /** A story listed on another page (an item's, a character's, a theme's), keyed by that page's slug. */
    public record Listed(String key, String story, String title, StoryKind kind, LinkRelation relation,
            String note) {
    }

    /** A catalogue entry with its description and number of accepted stories. */
    public record Entry(String slug, String name, String description, long stories) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public long count(StoryKind kind) {
        return em.createQuery("select count(*) from Story s where s.kind = :kind and s.state = :accepted", Long.class)
                .setParameter("kind", kind).setParameter("accepted", StoryState.ACCEPTED).getSingleResult();
    }

    /** The next accepted stories of a kind after the given slug (null: from the first), by slug. */
    @Transactional
    public List<StoryPage> stories(StoryKind kind, String after, int limit) {
        TypedQuery<Object[]> query = em.createQuery("select s.id, s.slug, s.title, s.body, c.slug, c.name"
                + " from Story s left join s.character c where s.kind = :kind and s.state = :accepted"
                + (after == null ? "" : " and s.slug > :after") + " order by s.slug", Object[].class)
                .setParameter("kind", kind).setParameter("accepted", StoryState.ACCEPTED).setMaxResults(limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        Map<Long, List<Named>> themes = group("select s.id, t.slug, t.name from Story s join s.themes t"
                + " where s.id in :ids order by t.name, t.slug", ids, r -> new Named((String) r[1], (String) r[2]));
        Map<Long, List<String>> projects = group("select s.id, p.name from Story s join s.projects p"
                + " where s.id in :ids order by p.name", ids, r -> (String) r[1]);
        Map<Long, List<String>> authors = group("select s.id, a from Story s join s.authors a where s.id in :ids"
                + " order by index(a)", ids, r -> (String) r[1]);
        Map<Long, List<String[]>> faq = group("select s.id, f.question, f.answer from Story s join s.faq f"
                + " where s.id in :ids order by index(f)", ids, r -> new String[]{(String) r[1], (String) r[2]});
        Map<Long, List<Link>> links = group("select l.story.id, i.slug, i.title, l.relation, l.note from StoryLink l"
                + " join l.item i where l.story.id in :ids order by i.title, i.slug", ids,
                r -> new Link((String) r[1], (String) r[2], (LinkRelation) r[3], (String) r[4]));
        Map<Long, List<Named>> retells = group("select s.id, r.slug, r.title from Story s join s.retells r"
                + " where s.id in :ids and r.state = :accepted order by r.title, r.slug", ids,
                r -> new Named((String) r[1], (String) r[2]));
        List<StoryPage> pages = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Long id = (Long) r[0];
            Named character = r[4] == null ? null : new Named((String) r[4], (String) r[5]);
            pages.add(new StoryPage((String) r[1], kind, (String) r[2], (String) r[3], character,
                    themes.getOrDefault(id, List.of()), projects.getOrDefault(id, List.of()),
                    authors.getOrDefault(id, List.of()), faq.getOrDefault(id, List.of()),
                    links.getOrDefault(id, List.of()), retells.getOrDefault(id, List.of())));
        }
        return pages;
    }

    private <T> Map<Long, List<T>> group(String hql, List<Long> ids, Function<Object[], T> row) {
        TypedQuery<Object[]> query = em.createQuery(hql, Object[].class).setParameter("ids", ids);
        if (hql.contains(":accepted")) {
            query.setParameter("accepted", StoryState.ACCEPTED);
        }
        Map<Long, List<T>> grouped = new LinkedHashMap<>();
        query.getResultList()
                .forEach(r -> grouped.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(row.apply(r)));
        return grouped;
    }

    /** Every roadmap item by slug, with its owners. */
    @Transactional
    public List<Item> items() {
        Map<Long, List<String>> owners = new LinkedHashMap<>();
        em.createQuery("select i.id, o from RoadmapItem i join i.owners o order by index(o)", Object[].class)
                .getResultList()
                .forEach(r -> owners.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        return em.createQuery("select i.id, i.slug, i.title, i.level, i.parent.id, i.state, i.progress,"
                + " i.progressMode, i.landingUrl, i.impact from RoadmapItem i order by i.slug", Object[].class)
                .getResultList().stream()
                .map(r -> new Item((Long) r[0], (String) r[1], (String) r[2], (RoadmapLevel) r[3], (Long) r[4],
                        (RoadmapState) r[5], (Integer) r[6], (ProgressMode) r[7], (String) r[8], (String) r[9],
                        owners.getOrDefault((Long) r[0], List.of())))
                .toList();
    }

    /** Links of accepted stories by item slug, then story slug: the "Motivated by" sections. */
    @Transactional
    public List<Listed> motivations(Listed after, int limit) {
        return listed("select i.slug, s.slug, s.title, s.kind, l.relation, l.note from StoryLink l join l.item i"
                + " join l.story s where s.state = :accepted", "i.slug", after, limit);
    }

    /** Accepted stories by character slug, then story slug. */
    @Transactional
    public List<Listed> byCharacter(Listed after, int limit) {
        return listed("select c.slug, s.slug, s.title, s.kind from Story s join s.character c"
                + " where s.state = :accepted", "c.slug", after, limit);
    }

    /** Accepted stories by theme slug, then story slug. */
    @Transactional
    public List<Listed> byTheme(Listed after, int limit) {
        return listed("select t.slug, s.slug, s.title, s.kind from Story s join s.themes t"
                + " where s.state = :accepted", "t.slug", after, limit);
    }

    private List<Listed> listed(String select, String key, Listed after, int limit) {
        String keyset = after == null ? "" : " and (" + key + " > :key or (" + key + " = :key and s.slug > :story))";
        TypedQuery<Object[]> query = em.createQuery(select + keyset + " order by " + key + ", s.slug",
                Object[].class).setParameter("accepted", StoryState.ACCEPTED).setMaxResults(limit);
        if (after != null) {
            query.setParameter("key", after.key()).setParameter("story", after.story());
        }
        return query.getResultList().stream().map(r -> new Listed((String) r[0], (String) r[1], (String) r[2],
                (StoryKind) r[3], r.length > 4 ? (LinkRelation) r[4] : null, r.length > 5 ? (String) r[5] : null))
                .toList();
    }

    /** Characters or themes by slug, with their accepted-story counts from one GROUP BY. */
    @Transactional
    public List<Entry> catalogue(boolean characters) {
        String entity = characters ? "StoryCharacter" : "Theme";
        String count = characters
                ? "select c.slug, count(*) from Story s join s.character c where s.state = :accepted group by c.slug"
                : "select t.slug, count(*) from Story s join s.themes t where s.state = :accepted group by t.slug";
        Map<String, Long> counts = new LinkedHashMap<>();
        em.createQuery(count, Object[].class).setParameter("accepted", StoryState.ACCEPTED).getResultList()
                .forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return em.createQuery("select e.slug, e.name, e.description from " + entity + " e order by e.slug",
                Object[].class).getResultList().stream().map(r -> new Entry((String) r[0], (String) r[1],
                        (String) r[2], counts.getOrDefault((String) r[0], 0L)))
                .toList();
    }
}
