package dev.storytracker.roadmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The trace picture's geometry, without a server: columns, order, edges and their widths. */
class TraceLayoutTest {

    private static final List<String> CHARACTERS = List.of("alan", "grace", "niklaus");

    /** goal <- (cancel <- lint), traits; s1 -> lint; s2 -> lint, cancel; s3 -> traits. */
    private static TraceLayout.Graph known() {
        List<TraceLayout.ItemIn> items = List.of(
                new TraceLayout.ItemIn("async", "Async", RoadmapLevel.GOAL, null, 3),
                new TraceLayout.ItemIn("cancel", "Cancel", RoadmapLevel.INITIATIVE, "async", 2),
                new TraceLayout.ItemIn("traits", "Traits", RoadmapLevel.INITIATIVE, "async", 1),
                new TraceLayout.ItemIn("lint", "Lint", RoadmapLevel.MILESTONE, "cancel", 2));
        List<TraceLayout.SourceIn> sources = List.of(new TraceLayout.SourceIn("s1", "Story one", "alan", 1),
                new TraceLayout.SourceIn("s2", "Story two", "grace", 1),
                new TraceLayout.SourceIn("s3", "Story three", "alan", 1));
        List<TraceLayout.FlowIn> flows = List.of(new TraceLayout.FlowIn("s1", "lint", 1),
                new TraceLayout.FlowIn("s2", "lint", 1), new TraceLayout.FlowIn("s2", "cancel", 1),
                new TraceLayout.FlowIn("s3", "traits", 1));
        return TraceLayout.layout(items, sources, flows, false, CHARACTERS);
    }

    @Test
    void stories_milestones_initiatives_and_the_goal_stand_in_columns_from_left_to_right() {
        TraceLayout.Graph graph = known();
        assertEquals(List.of("Stories", "Milestone", "Initiatives", "Goal"),
                graph.columns().stream().map(TraceLayout.Column::heading).toList());
        int story = graph.box("s1").x();
        int milestone = graph.box("lint").x();
        int initiative = graph.box("cancel").x();
        int goal = graph.box("async").x();
        assertTrue(story < milestone && milestone < initiative && initiative < goal);
        assertEquals(initiative, graph.box("traits").x());
        assertEquals(7, graph.boxes().size());
        assertEquals(graph.width(), goal + TraceLayout.BOX_WIDTH + TraceLayout.MARGIN);
    }

    @Test
    void every_box_lies_inside_the_picture_and_no_two_boxes_of_a_column_overlap() {
        TraceLayout.Graph graph = known();
        for (TraceLayout.Box a : graph.boxes()) {
            assertTrue(a.x() >= 0 && a.y() >= TraceLayout.TOP && a.x() + a.width() <= graph.width()
                    && a.y() + a.height() <= graph.height(), a.toString());
            for (TraceLayout.Box b : graph.boxes()) {
                if (a != b && a.x() == b.x()) {
                    assertTrue(a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y(), a + " overlaps " + b);
                }
            }
        }
    }

    @Test
    void each_link_and_each_item_below_the_root_becomes_one_edge_as_wide_as_its_stories() {
        TraceLayout.Graph graph = known();
        List<String> edges = graph.edges().stream().map(e -> e.from() + ">" + e.to() + ":" + e.stories()).toList();
        assertEquals(List.of("s1>lint:1", "s2>lint:1", "s2>cancel:1", "s3>traits:1", "cancel>async:2",
                "lint>cancel:2", "traits>async:1"), edges);
        TraceLayout.Edge wide = graph.edges().stream().filter(e -> e.from().equals("cancel")).findFirst().orElseThrow();
        TraceLayout.Edge thin = graph.edges().stream().filter(e -> e.from().equals("traits")).findFirst()
                .orElseThrow();
        assertEquals(TraceLayout.MAX_EDGE, wide.width());
        assertEquals(TraceLayout.MAX_EDGE / 2, thin.width());
        // Two edges arrive at lint: from s2 (placed higher, so at the upper third) and from s1 (the lower third).
        TraceLayout.Box lint = graph.box("lint");
        TraceLayout.Edge fromS1 = graph.edges().get(0);
        assertTrue(fromS1.path().endsWith(" " + lint.x() + " " + (lint.y() + 2 * lint.height() / 3)),
                fromS1.path());
    }

    @Test
    void edges_from_stories_take_the_tone_of_their_character_and_edges_between_items_a_neutral_one() {
        TraceLayout.Graph graph = known();
        assertEquals("tone-0", graph.box("s1").tone());
        assertEquals("tone-1", graph.box("s2").tone());
        assertEquals("tone-1", graph.edges().get(2).tone());
        assertEquals("rollup", graph.edges().get(4).tone());
        assertFalse(graph.edges().get(0).labelled());
        assertTrue(graph.edges().get(4).labelled());
    }

    @Test
    void stories_are_ordered_by_the_height_of_the_items_they_reach() {
        TraceLayout.Graph graph = known();
        // cancel (and lint) stand above traits, so the stories reaching them come first.
        assertTrue(graph.box("s1").y() < graph.box("s3").y());
        assertTrue(graph.box("s2").y() < graph.box("s3").y());
    }

    @Test
    void grouped_stories_show_their_count_and_label_their_edges() {
        List<TraceLayout.ItemIn> items = List.of(new TraceLayout.ItemIn("g", "Goal", RoadmapLevel.GOAL, null, 50),
                new TraceLayout.ItemIn("i", "Initiative", RoadmapLevel.INITIATIVE, "g", 50));
        TraceLayout.Graph graph = TraceLayout.layout(items,
                List.of(new TraceLayout.SourceIn("character:alan", "Alan", "alan", 30),
                        new TraceLayout.SourceIn("character:", "No character", null, 20)),
                List.of(new TraceLayout.FlowIn("character:alan", "i", 30),
                        new TraceLayout.FlowIn("character:", "i", 20)),
                true, CHARACTERS);
        assertEquals("Stories, by character", graph.columns().get(0).heading());
        assertEquals("30 stories", graph.box("character:alan").sub());
        assertEquals("tone-none", graph.box("character:").tone());
        assertTrue(graph.edges().get(0).labelled());
        assertTrue(graph.description().startsWith("50 stories reach Goal through 2 roadmap items, shown by character"),
                graph.description());
    }

    @Test
    void an_item_without_stories_is_marked_empty_and_long_titles_are_cut_at_a_word() {
        List<TraceLayout.ItemIn> items = List.of(new TraceLayout.ItemIn("g",
                "A goal whose title is far too long to fit in its box", RoadmapLevel.GOAL, null, 0));
        TraceLayout.Graph graph = TraceLayout.layout(items, List.of(), List.of(), false, CHARACTERS);
        TraceLayout.Box goal = graph.box("g");
        assertTrue(goal.empty());
        assertEquals("A goal whose title is far…", goal.label());
        assertTrue(goal.title().startsWith("A goal whose title is far too long to fit in its box"));
        assertTrue(graph.edges().isEmpty());
        assertTrue(graph.description().contains("1 with no story yet"), graph.description());
    }
}
