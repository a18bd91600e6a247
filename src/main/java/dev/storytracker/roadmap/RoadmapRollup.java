package dev.storytracker.roadmap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Keeps rolled-up progress current. An item in {@link ProgressMode#ROLLUP} stores the rounded mean of its children's
 * progress, computed by the database; whenever an item's progress, mode or parent changes, the items above it (and
 * above its old parent) are recomputed nearest first, so a goal sees its initiatives' fresh values.
 */
@ApplicationScoped
public class RoadmapRollup {

    /** Children without a value leave the item as it was: a rollup item with no children keeps its last progress. */
    static final String ROLL_UP = "update roadmap_item set progress = coalesce((select cast(round(avg(c.progress)) as"
            + " integer) from roadmap_item c where c.parent_id = roadmap_item.id), progress)"
            + " where id = :id and progress_mode = 'rollup'";

    @Inject
    EntityManager em;

    /**
     * Call after {@code item} was changed and flushed (or persisted) in the current transaction; {@code previousParent}
     * is its parent before the change, or null.
     */
    public void afterChange(RoadmapItem item, RoadmapItem previousParent) {
        em.flush();
        rollUpFrom(item);
        boolean moved = previousParent != null
                && (item.parent == null || !previousParent.id.equals(item.parent.id));
        if (moved) {
            rollUpFrom(previousParent);
        }
    }

    private void rollUpFrom(RoadmapItem start) {
        int steps = 0;
        // Levels strictly decrease downwards, so the chain is at most as long as there are levels.
        for (RoadmapItem item = start; item != null && steps < RoadmapLevel.values().length; item = item.parent) {
            steps++;
            if (item.progressMode == ProgressMode.ROLLUP) {
                em.createNativeQuery(ROLL_UP).setParameter("id", item.id).executeUpdate();
                // The update bypassed the persistence context: read the new value back.
                em.refresh(item);
            }
        }
    }
}
