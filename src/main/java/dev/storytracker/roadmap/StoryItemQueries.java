package dev.storytracker.roadmap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.storytracker.SlugEnum;
import dev.storytracker.story.Story;

/**
 * "Which roadmap work does this story motivate?": the items a story is linked to, each with its ancestors. Two
 * queries: the links, and every ancestor of every linked item through the closure.
 */
@ApplicationScoped
public class StoryItemQueries {

    @Inject
    EntityManager em;

    /** {@code withWho} adds who made or last changed each link and when. */
    public PlannerJson.StoryRoadmap itemsOf(Story story, boolean withWho) {
        Map<Long, List<PlannerJson.ItemRef>> ancestors = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery(RoadmapTree.closure(true) + "select t.descendant_id, a.slug, a.title,"
                + " a.level, a.state, a.progress, p.slug from roadmap_closure t join roadmap_item a"
                + " on a.id = t.ancestor_id left join roadmap_item p on p.id = a.parent_id"
                + " where t.depth > 0 and t.descendant_id in (select item_id from story_link where story_id = :story)"
                + " order by t.descendant_id, t.depth").setParameter("story", story.id).getResultList()) {
            Object[] r = (Object[]) row;
            ancestors.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new PlannerJson.ItemRef((String) r[1], (String) r[2],
                            SlugEnum.parse(RoadmapLevel.class, (String) r[3]).orElseThrow(),
                            SlugEnum.parse(RoadmapState.class, (String) r[4]).orElseThrow(),
                            ((Number) r[5]).intValue(), (String) r[6]));
        }
        List<PlannerJson.StoryItem> items = em.createQuery("select i.id, i.slug, i.title, i.level, i.state,"
                + " i.progress, l.relation, l.note, l.createdBy, l.createdAt, l.updatedBy, l.updatedAt"
                + " from StoryLink l join l.item i where l.story = :story order by i.slug", Object[].class)
                .setParameter("story", story).getResultList().stream()
                .map(r -> new PlannerJson.StoryItem((String) r[1], (String) r[2], (RoadmapLevel) r[3],
                        (RoadmapState) r[4], (Integer) r[5], (LinkRelation) r[6], (String) r[7],
                        ancestors.getOrDefault((Long) r[0], List.of()),
                        withWho ? (String) (r[10] != null ? r[10] : r[8]) : null,
                        withWho ? (Instant) (r[11] != null ? r[11] : r[9]) : null))
                .toList();
        return new PlannerJson.StoryRoadmap(story.slug, items);
    }
}
