package dev.storytracker.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    @Inject
    EntityManager em;

    public Page<Row> page(Filter filter, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        if (filter.state() != null) {
            where.add("s.state = :state");
            params.put("state", filter.state());
        } else {
            where.add("s.state in :open");
            params.put("open", Workflow.OPEN);
        }
        if ("none".equals(filter.assignee())) {
            where.add("s.assignee is null");
        } else if (filter.assignee() != null && !filter.assignee().isBlank()) {
            where.add("a.username = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.character() != null && !filter.character().isBlank()) {
            where.add("c.slug = :character");
            params.put("character", filter.character());
        }
        String from = " from Story s left join s.character c left join s.assignee a where "
                + String.join(" and ", where);
        TypedQuery<Long> count = em.createQuery("select count(*)" + from, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        TypedQuery<Object[]> rows = em.createQuery("select s.slug, s.title, s.state, c.name, a.username, s.createdAt,"
                + " s.version" + from + " order by s.createdAt " + (filter.newestFirst() ? "desc" : "asc") + ", s.id",
                Object[].class);
        params.forEach(rows::setParameter);
        rows.setFirstResult(paging.offset()).setMaxResults(paging.size());
        Instant now = Instant.now();
        List<Row> items = rows.getResultList().stream()
                .map(r -> new Row((String) r[0], (String) r[1], (StoryState) r[2], (String) r[3], (String) r[4],
                        (Instant) r[5], (Integer) r[6], Duration.between((Instant) r[5], now).toDays()))
                .toList();
        return new Page<>(items, total, paging.page(), paging.size());
    }

    public List<Assignable> assignable() {
        return em.createQuery("select u.username from User u where u.enabled = true and (u.roles like :triager"
                + " or u.roles like :admin) order by u.username", String.class)
                .setParameter("triager", "%" + User.TRIAGER + "%").setParameter("admin", "%" + User.ADMIN + "%")
                .getResultList().stream().map(Assignable::new).toList();
    }
}
