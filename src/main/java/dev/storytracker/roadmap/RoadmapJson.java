package dev.storytracker.roadmap;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the roadmap. */
public final class RoadmapJson {

    private RoadmapJson() {
    }

    /** An item in the tree, with the number of accepted stories linked to it directly. */
    public record Node(String slug, String title, RoadmapLevel level, RoadmapState state, int progress,
            ProgressMode progressMode, List<String> owners, String landing, String parent, long stories,
            List<Node> children) {
    }

    /** One item in full, with its ancestors (nearest first) and its children. */
    public record Detail(String slug, String title, RoadmapLevel level, RoadmapState state, int progress,
            ProgressMode progressMode, List<String> owners, String landing, String impact, String parent,
            List<String> ancestors,
            List<Node> children, long stories, Instant createdAt, Instant updatedAt, int version) {
    }
}
