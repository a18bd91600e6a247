package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * The same for many items changed in one transaction (an import batch): one flush, then every item above any of
     * them recomputed once, deepest first, which leaves the same values as calling {@link #afterChange} after each.
     */
    public void afterChanges(Collection<RoadmapItem> changed) {
        if (changed.isEmpty()) {
            return;
        }
        em.flush();
        Set<RoadmapItem> affected = new LinkedHashSet<>();
        for (RoadmapItem start : changed) {
            int steps = 0;
            for (RoadmapItem item = start; item != null && steps < RoadmapLevel.values().length; item = item.parent) {
                steps++;
                affected.add(item);
            }
        }
        List<RoadmapItem> deepestFirst = new ArrayList<>(affected);
        deepestFirst.sort(Comparator.comparingInt((RoadmapItem item) -> item.level.ordinal()).reversed());
        for (RoadmapItem item : deepestFirst) {
            rollUp(item);
        }
    }

    private void rollUp(RoadmapItem item) {
        if (item.progressMode == ProgressMode.ROLLUP) {
            em.createNativeQuery(ROLL_UP).setParameter("id", item.id).executeUpdate();
            // The update bypassed the persistence context: read the new value back.
            em.refresh(item);
        }
    }

    private void rollUpFrom(RoadmapItem start) {
        int steps = 0;
        // Levels strictly decrease downwards, so the chain is at most as long as there are levels.
        for (RoadmapItem item = start; item != null && steps < RoadmapLevel.values().length; item = item.parent) {
            steps++;
            rollUp(item);
        }
    }
}
