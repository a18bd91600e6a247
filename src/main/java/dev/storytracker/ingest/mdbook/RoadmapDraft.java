package dev.storytracker.ingest.mdbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.storytracker.roadmap.RoadmapItem;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapState;

/** A roadmap item being assembled from a table row, its page, or both. */
final class RoadmapDraft {

    String slug;
    String title;
    RoadmapLevel level;
    RoadmapDraft parent;
    RoadmapState state = RoadmapState.HELP_WANTED;
    Integer progress;
    List<String> owners = new ArrayList<>();
    String landing;
    /** The page under roadmap/ that describes the item, when there is one. */
    PageText page;
    /** What the report and source_path name: the page, or roadmap.md#slug for a row without one. */
    String path;
    /** The page's {@code ## Impact} section. */
    String impact = "";
    final List<String> notes = new ArrayList<>();

    Optional<String> parentSlug() {
        return parent == null ? Optional.empty() : Optional.of(parent.slug);
    }

    int progressOrDefault() {
        return progress != null ? progress : state == RoadmapState.DONE ? 100 : 0;
    }

    List<String> boundedOwners() {
        return owners.stream().limit(RoadmapItem.MAX_OWNERS)
                .map(o -> o.length() > RoadmapItem.MAX_OWNER ? o.substring(0, RoadmapItem.MAX_OWNER) : o)
                .distinct().toList();
    }
}
