package dev.storytracker.roadmap;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.Page;

/** The JSON shapes of the planners' questions: rollups, a story's place in the roadmap, gaps and the trace. */
public final class PlannerJson {

    private PlannerJson() {
    }

    /** How many stories fall under one character, theme or kind. */
    public record Count(String slug, long stories) {
    }

    /** A roadmap item a story is linked to, and how. */
    public record Via(String item, LinkRelation relation) {
    }

    /** A story under a roadmap item, with the item(s) below it (or itself) that it is linked to. */
    public record ItemStory(String slug, StoryKind kind, String title, String summary, String character,
            List<String> themes, StoryState state, List<Via> via) {
    }

    /** The stories motivating an item (and, with rollup, everything below it), each once, with counts. */
    public record ItemStories(String item, boolean rollup, Page<ItemStory> stories, List<Count> characters,
            List<Count> themes) {
    }

    /** A roadmap item in short, as an ancestor or a gap. */
    public record ItemRef(String slug, String title, RoadmapLevel level, RoadmapState state, int progress,
            String parent) {
    }

    /** An item a story is linked to, with why, and its ancestors nearest first; who and when for the working group. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoryItem(String slug, String title, RoadmapLevel level, RoadmapState state, int progress,
            LinkRelation relation, String note, List<ItemRef> ancestors, String linkedBy, Instant linkedAt) {
    }

    /** Where a story sits in the roadmap. */
    public record StoryRoadmap(String story, List<StoryItem> items) {
    }

    /** An accepted story that no roadmap item addresses yet. */
    public record StoryRef(String slug, StoryKind kind, String title, String character, List<String> themes) {
    }

    /** A character x theme cell with fewer accepted stories than the threshold. */
    public record Cell(String character, String theme, long stories) {
    }

    /** The three lists of gaps, each one page; the rest is under /api/gaps/{list}. */
    public record Gaps(Page<StoryRef> unaddressedStories, Page<ItemRef> ungroundedItems, int thinThreshold,
            Page<Cell> thinCoverage) {
    }

    /** One row of the traceability matrix: story counts of an item (and everything below it, with rollup). */
    public record TraceRow(String item, String title, RoadmapLevel level, String parent, long stories,
            Map<String, Long> characters, Map<String, Long> themes, Map<String, Long> kinds) {
    }

    /** The matrix: its columns (every character, theme and kind) and a page of rows. */
    public record Trace(boolean rollup, List<String> characters, List<String> themes, List<String> kinds,
            Page<TraceRow> rows) {
    }

    /** One link in the list form of the trace. */
    public record TraceLink(String item, String itemTitle, RoadmapLevel level, String story, String storyTitle,
            StoryKind kind, StoryState state, String character, LinkRelation relation, String note) {
    }
}
