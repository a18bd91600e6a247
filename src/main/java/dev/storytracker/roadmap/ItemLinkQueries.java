package dev.storytracker.roadmap;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.storytracker.story.StoryState;
import dev.storytracker.web.Page;
import dev.storytracker.web.Paging;

/** The links made directly to one item, for planners to edit on its page: one counted, paginated query. */
@ApplicationScoped
public class ItemLinkQueries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    EntityManager em;

    /** A link to the item, with its story and who last made or changed it. */
    public record LinkRow(String story, String title, StoryState state, LinkRelation relation, String note,
            boolean fromFile, String by, Instant at) {

        /** When, to the minute, in UTC. */
        public String when() {
            return WHEN.format(at);
        }
    }

    public Page<LinkRow> linksTo(RoadmapItem item, Paging paging) {
        long total = em.createQuery("select count(l) from StoryLink l where l.item = :item", Long.class)
                .setParameter("item", item).getSingleResult();
        List<LinkRow> rows = total == 0 ? List.of()
                : em.createQuery("select s.slug, s.title, s.state, l.relation, l.note, l.fromFile,"
                        + " coalesce(l.updatedBy, l.createdBy), coalesce(l.updatedAt, l.createdAt)"
                        + " from StoryLink l join l.story s where l.item = :item order by s.title, s.slug",
                        Object[].class).setParameter("item", item).setFirstResult(paging.offset())
                        .setMaxResults(paging.size()).getResultList().stream()
                        .map(r -> new LinkRow((String) r[0], (String) r[1], (StoryState) r[2], (LinkRelation) r[3],
                                (String) r[4], (Boolean) r[5], (String) r[6], (Instant) r[7]))
                        .toList();
        return new Page<>(rows, total, paging.page(), paging.size());
    }
}
