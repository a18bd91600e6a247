package dev.storytracker.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapState;
import dev.storytracker.story.StoryState;

/**
 * What the feed tells: stories accepted by the working group (still accepted now) and changes of roadmap items'
 * states. Two queries, each bounded to the newest {@code limit} events and using an index on the event time.
 */
@ApplicationScoped
public class FeedQueries {

    /** One entry of the feed; {@code from} is null for a new roadmap item, both states null for a story. */
    public record Entry(String kind, long eventId, Instant at, String slug, String title, String text,
            RoadmapLevel level, RoadmapState from, RoadmapState to) {
    }

    static final String STORY = "story";
    static final String ROADMAP = "roadmap";

    @Inject
    EntityManager em;

    public List<Entry> newest(int limit) {
        List<Entry> entries = new ArrayList<>();
        em.createQuery("select e.id, e.occurredAt, s.slug, s.title, s.summary from TriageEvent e join e.story s"
                + " where e.toState = :accepted and s.state = :accepted order by e.occurredAt desc, e.id desc",
                Object[].class).setParameter("accepted", StoryState.ACCEPTED).setMaxResults(limit).getResultList()
                .forEach(r -> entries.add(new Entry(STORY, (Long) r[0], (Instant) r[1], (String) r[2],
                        (String) r[3], (String) r[4], null, null, null)));
        em.createQuery("select e.id, e.at, i.slug, i.title, i.level, e.fromState, e.toState, i.progress"
                + " from RoadmapEvent e join e.item i order by e.at desc, e.id desc", Object[].class)
                .setMaxResults(limit).getResultList()
                .forEach(r -> entries.add(new Entry(ROADMAP, (Long) r[0], (Instant) r[1], (String) r[2],
                        (String) r[3], "Progress: " + r[7] + "%.", (RoadmapLevel) r[4], (RoadmapState) r[5],
                        (RoadmapState) r[6])));
        entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::eventId).reversed());
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }
}
