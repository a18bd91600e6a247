package dev.storytracker.roadmap;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.storytracker.TestData;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/**
 * The known data set of the planner query tests, small enough to work out every answer by hand:
 *
 * <pre>
 * async (goal)            tooling (goal)          empty-goal (goal)
 *   cancel (initiative)     inspector (initiative)
 *     lint (milestone)
 *   traits (initiative)
 *
 * s1 status-quo   accepted   alan     [cancellation, debugging]  -> lint
 * s2 status-quo   accepted   grace    [cancellation]             -> lint, cancel
 * s3 shiny-future accepted   alan     [debugging]                -> traits
 * s4 status-quo   submitted  niklaus  [ecosystem]                -> lint, inspector
 * s5 status-quo   accepted   niklaus  [ecosystem]                (no link)
 * s6 status-quo   declined   alan     []                         (no link)
 * </pre>
 */
@ApplicationScoped
public class PlannerData {

    @Inject
    TestData data;

    @Inject
    StoryReach reach;

    public void build() {
        data.reset();
        for (String character : List.of("alan", "grace", "niklaus")) {
            data.character(character);
        }
        for (String theme : List.of("cancellation", "debugging", "ecosystem")) {
            data.theme(theme);
        }
        data.item("async", RoadmapLevel.GOAL, null);
        data.item("cancel", RoadmapLevel.INITIATIVE, "async");
        data.item("lint", RoadmapLevel.MILESTONE, "cancel");
        data.item("traits", RoadmapLevel.INITIATIVE, "async");
        data.item("tooling", RoadmapLevel.GOAL, null);
        data.item("inspector", RoadmapLevel.INITIATIVE, "tooling");
        data.item("empty-goal", RoadmapLevel.GOAL, null);
        story("s1", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("cancellation", "debugging"),
                List.of("lint"));
        story("s2", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "grace", List.of("cancellation"),
                List.of("lint", "cancel"));
        story("s3", StoryKind.SHINY_FUTURE, StoryState.ACCEPTED, "alan", List.of("debugging"), List.of("traits"));
        story("s4", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "niklaus", List.of("ecosystem"),
                List.of("lint", "inspector"));
        story("s5", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "niklaus", List.of("ecosystem"), List.of());
        story("s6", StoryKind.STATUS_QUO, StoryState.DECLINED, "alan", List.of(), List.of());
    }

    private void story(String slug, StoryKind kind, StoryState state, String character, List<String> themes,
            List<String> roadmap) {
        data.story(slug, kind, state, character, themes, List.of(), roadmap);
    }

    @Transactional
    public void setTitle(String story, String title) {
        Story.findBySlug(story).orElseThrow().title = title;
    }

    @Transactional
    public void setNote(String story, String item, String note) {
        link(story, item).note = note;
    }

    @Transactional
    public void markFromFile(String story, String item) {
        link(story, item).fromFile = true;
    }

    private static StoryLink link(String story, String item) {
        return StoryLink.between(Story.findBySlug(story).orElseThrow(), RoadmapItem.findBySlug(item).orElseThrow())
                .orElseThrow();
    }

    /** {@code count} milestones under {@code parent}, each linked to the story, in one transaction. */
    @Transactional
    public void linkToMany(String story, String parent, int count) {
        Story s = Story.findBySlug(story).orElseThrow();
        RoadmapItem p = RoadmapItem.findBySlug(parent).orElseThrow();
        for (int i = 0; i < count; i++) {
            RoadmapItem item = new RoadmapItem();
            item.slug = "many-" + i;
            item.title = "Many " + i;
            item.level = RoadmapLevel.MILESTONE;
            item.parent = p;
            item.state = RoadmapState.HELP_WANTED;
            item.persist();
            StoryLink link = new StoryLink();
            link.story = s;
            link.item = item;
            link.relation = LinkRelation.MOTIVATES;
            link.createdBy = "test";
            link.createdAt = Instant.now();
            link.persist();
        }
        reach.storiesChanged(List.of(s.id));
    }
}
