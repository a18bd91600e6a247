package dev.storytracker.story;

import java.time.Instant;
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

    public Page<StoryJson.Summary> list(StoryFilter filter, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        TypedQuery<Long> count = em.createQuery("select count(s) from Story s" + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (total == 0 || paging.offset() >= total) {
            return new Page<>(List.of(), total, paging.page(), paging.size());
        }
        TypedQuery<Object[]> rows = em.createQuery("select s.id, s.slug, s.kind, s.title, s.summary, c.slug, s.state,"
                + " s.createdAt, s.updatedAt, s.version from Story s left join s.character c" + where
                + " order by s.createdAt desc, s.id desc", Object[].class);
        params.forEach(rows::setParameter);
        rows.setFirstResult(paging.offset()).setMaxResults(paging.size());
        return new Page<>(summaries(rows.getResultList()), total, paging.page(), paging.size());
    }

    public Optional<StoryJson.Summary> summary(long id) {
        List<Object[]> rows = em.createQuery("select s.id, s.slug, s.kind, s.title, s.summary, c.slug, s.state,"
                + " s.createdAt, s.updatedAt, s.version from Story s left join s.character c where s.id = :id",
                Object[].class).setParameter("id", id).getResultList();
        return summaries(rows).stream().findFirst();
    }

    /** The whole story: its summary fields plus text, FAQ, links and the stories that retell it. */
    public StoryJson.Detail detail(Story story) {
        StoryJson.Summary s = summary(story.id).orElseThrow();
        List<StoryJson.Faq> faq = story.faq.stream().map(f -> new StoryJson.Faq(f.question, f.answer)).toList();
        List<StoryJson.Link> links = em.createQuery("select i.slug, i.title, l.relation, l.note from StoryLink l"
                + " join l.item i where l.story.id = :id order by i.slug", Object[].class)
                .setParameter("id", story.id).getResultList().stream()
                .map(r -> new StoryJson.Link((String) r[0], (String) r[1],
                        ((dev.storytracker.roadmap.LinkRelation) r[2]).slug(), (String) r[3]))
                .toList();
        List<String> retoldBy = em.createQuery("select s.slug from Story s join s.retells r where r.id = :id"
                + " order by s.slug", String.class).setParameter("id", story.id).getResultList();
        String duplicateOf = story.duplicateOf == null ? null : story.duplicateOf.slug;
        String series = story.series == null ? null : story.series.slug;
        List<String> chapters = em.createQuery("select s.slug from Story s where s.series.id = :id order by s.slug",
                String.class).setParameter("id", story.id).getResultList();
        return new StoryJson.Detail(s.slug(), s.kind(), s.title(), s.summary(), s.character(), s.themes(),
                s.projects(), s.state(), s.authors(), s.roadmap(), s.retells(), retoldBy, duplicateOf, series,
                chapters, List.copyOf(story.flags), story.source, story.sourcePath, story.body, faq, links,
                s.createdAt(), s.updatedAt(), s.version());
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
        em.createQuery("select s.kind, count(s) from Story s where s.state = :accepted group by s.kind", Object[].class)
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
