package dev.storytracker.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import dev.storytracker.account.User;
import dev.storytracker.story.StoryQueries;
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

    @Inject
    StoryQueries stories;

    /**
     * One page of the queue. Up to {@value #MERGE_LIMIT} rows deep, the page is merged from one query per state, each
     * reading its first {@code offset + size} stories in order off the (state, created_at, id) index, instead of one
     * query over all open states that had to sort every open story first (on H2 at 100,000 stories it read all 10,000
     * submitted ones for the oldest 50). Unless filtered by assignee, the total comes from the stored tally.
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
        Optional<String> character = Optional.ofNullable(filter.character()).filter(c -> !c.isBlank());
        character.ifPresent(c -> {
            where.add("c.slug = :character");
            params.put("character", c);
        });
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
        if (byAssignee) {
            TypedQuery<Long> count = em.createQuery("select count(*)" + from + "s.state in :states" + rest, Long.class);
            params.forEach(count::setParameter);
            total = count.setParameter("states", states).getSingleResult();
        } else {
            total = stories.tallied(states, Optional.empty(), character, Optional.empty());
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
