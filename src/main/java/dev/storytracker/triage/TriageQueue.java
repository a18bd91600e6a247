package dev.storytracker.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import dev.storytracker.account.User;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;

/** The stories waiting for the working group, filtered and sorted by age, one page at a time. */
@ApplicationScoped
public class TriageQueue {

    /** Who may be given stories: active triagers and admins. */
    public record Assignable(String username) {
    }

    /** One waiting story. {@code days} is how long since it was submitted. */
    public record Row(String slug, String title, StoryState state, String character, String assignee,
            Instant createdAt, int version, long days) {

        public String age() {
            return days == 0 ? "today" : days == 1 ? "1 day" : days + " days";
        }
    }

    /** The queue's filters: an open state (or all), an assignee ("none" for unassigned), a character. */
    public record Filter(StoryState state, String assignee, String character, boolean newestFirst) {
    }

    /** Rows before the page up to which it is merged from one read per state (below: one query with an offset). */
    static final int MERGE_LIMIT = 1000;

    @Inject
    EntityManager em;

    /**
     * One page of the queue. Up to {@value #MERGE_LIMIT} rows deep, the page is merged from one query per state, each
     * reading its first {@code offset + size} stories in order off the (state, created_at, id) index, instead of one
     * query over all open states that had to sort every open story first (on H2 at 100,000 stories it read all 10,000
     * submitted ones for the oldest 50). The total comes from the stored tally, except for a named assignee's stories.
     */
    public Page<Row> page(Filter filter, Paging paging) {
        List<StoryState> states = filter.state() != null ? List.of(filter.state()) : Workflow.OPEN;
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        boolean byAssignee = filter.assignee() != null && !filter.assignee().isBlank();
        if ("none".equals(filter.assignee())) {
            where.add("s.assignee is null");
        } else if (byAssignee) {
            where.add("a.username = :assignee");
            params.put("assignee", filter.assignee());
        }
        boolean byCharacter = filter.character() != null && !filter.character().isBlank();
        if (byCharacter) {
            where.add("c.slug = :character");
            params.put("character", filter.character());
        }
        String from = " from Story s left join s.character c left join s.assignee a where ";
        String rest = where.stream().map(w -> " and " + w).reduce("", String::concat);
        String direction = filter.newestFirst() ? "desc" : "asc";
        Comparator<Object[]> order = Comparator.comparing((Object[] r) -> (Instant) r[5])
                .thenComparing(r -> (Long) r[7]);
        if (filter.newestFirst()) {
            order = order.reversed();
        }
        String select = "select s.slug, s.title, s.state, c.name, a.username, s.createdAt, s.version, s.id" + from;
        String orderBy = " order by s.state, s.createdAt " + direction + ", s.id " + direction;
        List<Object[]> merged = new ArrayList<>();
        int skip = paging.offset();
        if (paging.offset() < MERGE_LIMIT) {
            for (StoryState state : states) {
                TypedQuery<Object[]> rows = em.createQuery(select + "s.state = :state" + rest + orderBy,
                        Object[].class);
                params.forEach(rows::setParameter);
                rows.setParameter("state", state).setMaxResults(paging.offset() + paging.size());
                merged.addAll(rows.getResultList());
            }
            merged.sort(order);
        } else {
            // Deep pages: the database skips the rows before the page, rather than each state's query reading them all
            // here.
            TypedQuery<Object[]> rows = em.createQuery(select + "s.state in :states" + rest + " order by s.createdAt "
                    + direction + ", s.id " + direction, Object[].class);
            params.forEach(rows::setParameter);
            merged.addAll(rows.setParameter("states", states).setFirstResult(paging.offset())
                    .setMaxResults(paging.size()).getResultList());
            skip = 0;
        }
        Instant now = Instant.now();
        List<Row> items = merged.stream().skip(skip).limit(paging.size())
                .map(r -> new Row((String) r[0], (String) r[1], (StoryState) r[2], (String) r[3], (String) r[4],
                        (Instant) r[5], (Integer) r[6], Duration.between((Instant) r[5], now).toDays()))
                .toList();
        long total;
        if (byAssignee && !"none".equals(filter.assignee())) {
            TypedQuery<Long> count = em.createQuery("select count(*)" + from + "s.state in :states" + rest, Long.class);
            params.forEach(count::setParameter);
            total = count.setParameter("states", states).getSingleResult();
        } else {
            // From the stored tally (roadmap.StoryReach), theme 0 counting each story once; the unassigned ones are
            // all less the few assigned, found through the assignee index.
            var count = em.createNativeQuery("select coalesce(sum(t.stories), 0) from catalog_tally t"
                    + " where t.theme_id = 0 and t.state in (:states)" + (byCharacter
                            ? " and t.character_id = (select c.id from story_character c where c.slug = :character)"
                            : ""))
                    .setParameter("states", states.stream().map(StoryState::slug).toList());
            if (byCharacter) {
                count.setParameter("character", filter.character());
            }
            total = ((Number) count.getSingleResult()).longValue();
            if (byAssignee) {
                TypedQuery<Long> assigned = em.createQuery("select count(*) from Story s left join s.character c"
                        + " where s.assignee is not null and s.state in :states"
                        + (byCharacter ? " and c.slug = :character" : ""), Long.class).setParameter("states", states);
                if (byCharacter) {
                    assigned.setParameter("character", filter.character());
                }
                total -= assigned.getSingleResult();
            }
        }
        return new Page<>(items, total, paging.page(), paging.size());
    }

    public List<Assignable> assignable() {
        return em.createQuery("select u.username from User u where u.enabled = true and (u.roles like :triager"
                + " or u.roles like :admin) order by u.username", String.class)
                .setParameter("triager", "%" + User.TRIAGER + "%").setParameter("admin", "%" + User.ADMIN + "%")
                .getResultList().stream().map(Assignable::new).toList();
    }
}
